namespace Portal.Core.Xpm.Models;

/// <summary>
/// A contact as XPM returns it inside a client or from the contact endpoints. <see cref="Position"/> and
/// <see cref="IsPrimary"/> belong to the contact's link to one client, not to the contact.
/// </summary>
public sealed record XpmContact
{
    /// <summary>Null only in XPM 3.0-shaped replies, where contacts carried an integer <c>ID</c> and no UUID.</summary>
    public Guid? Uuid { get; init; }

    public required string Name { get; init; }
    public string? Salutation { get; init; }
    public string? Addressee { get; init; }
    public string? Mobile { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>Free text, kept as sent (XPM has been seen returning a literal "0").</summary>
    public string? Position { get; init; }

    public bool IsPrimary { get; init; }
    public bool IsDeleted { get; init; }
}
