namespace Portal.Core.Xpm.Models;

/// <summary>
/// The body of <c>client.api/contact</c> (add) and <c>client.api/contact/{uuid}</c> (update). A null property is
/// left out. Contacts are shared between clients: changing a name, email or phone changes it for every client.
/// </summary>
public sealed record XpmContactUpdate
{
    public string? Name { get; init; }
    public string? Salutation { get; init; }
    public string? Addressee { get; init; }
    public string? Mobile { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>
    /// The client whose link to the contact is meant. Required to add a contact; on an update it is needed
    /// to set <see cref="Position"/> or <see cref="IsPrimary"/>, which belong to that link.
    /// </summary>
    public Guid? ClientUuid { get; init; }

    public string? Position { get; init; }
    public bool? IsPrimary { get; init; }
}
