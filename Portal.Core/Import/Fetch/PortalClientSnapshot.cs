using Portal.Core.Clients;

namespace Portal.Core.Import.Fetch;

/// <summary>What the <see cref="ClientMatcher"/> needs to know about one existing portal client.</summary>
public sealed record PortalClientSnapshot(
    int Id,
    Guid? LinkedXpmUuid,
    ClientKind Kind,
    string Name,
    string? FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    string? Mobile,
    DateOnly? DateOfBirth)
{
    public static PortalClientSnapshot From(Client client) => new(
        client.Id,
        client.XpmLink?.XpmUuid,
        client.Kind,
        client.Name,
        client.FirstName,
        client.LastName,
        client.Email,
        client.Phone,
        client.Mobile,
        client.DateOfBirth);
}
