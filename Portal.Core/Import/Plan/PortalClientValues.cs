using Portal.Core.Clients;
using Portal.Core.Import.Fetch;

namespace Portal.Core.Import.Plan;

/// <summary>A portal client's current values for the fields the import may set.</summary>
public sealed record PortalClientValues
{
    public required string Name { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Mobile { get; init; }
    public Address PhysicalAddress { get; init; } = new();
    public Address PostalAddress { get; init; } = new();
    public DateOnly? DateOfBirth { get; init; }
    public string? BusinessStructure { get; init; }

    public static PortalClientValues From(Client client) => new()
    {
        Name = client.Name,
        FirstName = client.FirstName,
        LastName = client.LastName,
        Email = client.Email,
        Phone = client.Phone,
        Mobile = client.Mobile,
        PhysicalAddress = client.PhysicalAddress,
        PostalAddress = client.PostalAddress,
        DateOfBirth = client.DateOfBirth,
        BusinessStructure = client.BusinessStructure,
    };

    /// <summary>XPM's values for the same fields, so the two sides (and the last-synced base) compare like for like.</summary>
    public static PortalClientValues From(XpmClientSnapshot xpm) => new()
    {
        Name = xpm.Name,
        FirstName = xpm.FirstName,
        LastName = xpm.LastName,
        Email = xpm.Email,
        Phone = xpm.Phone,
        Mobile = xpm.Mobile,
        PhysicalAddress = xpm.PhysicalAddress,
        PostalAddress = xpm.PostalAddress,
        DateOfBirth = xpm.DateOfBirth,
        BusinessStructure = xpm.BusinessStructure,
    };
}
