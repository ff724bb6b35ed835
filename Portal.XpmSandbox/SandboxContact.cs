namespace Portal.XpmSandbox;

/// <summary>An XPM contact. One contact may be linked to several clients; see <see cref="SandboxContactLink"/>.</summary>
public sealed record SandboxContact(
    Guid Uuid,
    string Name,
    string Mobile,
    string Email,
    string Phone,
    string Salutation,
    string Addressee,
    bool IsDeleted = false);

/// <summary>A contact's link to one client: <c>Position</c> and <c>IsPrimary</c> belong to the link, not the contact.</summary>
public sealed record SandboxContactLink(Guid ContactUuid, string Position, bool IsPrimary);
