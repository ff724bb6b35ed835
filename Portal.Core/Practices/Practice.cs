namespace Portal.Core.Practices;

/// <summary>The accounting firm. Every other row carries its id so several practices can share a database later.</summary>
public sealed class Practice
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
}
