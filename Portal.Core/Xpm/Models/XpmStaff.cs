namespace Portal.Core.Xpm.Models;

/// <summary>A staff member as <c>staff.api/list</c> and <c>staff.api/get</c> return it.</summary>
public sealed record XpmStaff
{
    public required Guid Uuid { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Mobile { get; init; }
    public string? Address { get; init; }
    public string? PayrollCode { get; init; }

    /// <summary>XPM's page for the staff member; show it, never parse it.</summary>
    public string? WebUrl { get; init; }
}
