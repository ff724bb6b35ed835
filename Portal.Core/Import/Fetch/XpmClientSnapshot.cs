using Portal.Core.Clients;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// One XPM client (person or entity) as the import sees it: the fields the portal keeps, trimmed, with blanks as null.
/// </summary>
public sealed record XpmClientSnapshot
{
    public required Guid XpmUuid { get; init; }
    public required ClientKind Kind { get; init; }
    public required string Name { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Mobile { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? BusinessStructure { get; init; }
    public Address PhysicalAddress { get; init; } = new();
    public Address PostalAddress { get; init; } = new();

    /// <summary>For a person: the contact that is that person, whose mobile is <see cref="Mobile"/>. A delta import watches it.</summary>
    public Guid? OwnContactUuid { get; init; }

    /// <summary>
    /// Maps XPM's record. <see cref="Kind"/> comes from <see cref="BusinessStructures.KindOf"/>; XPM's
    /// <c>Address/City/Region/PostCode/Country</c> become <see cref="PhysicalAddress"/> and the <c>Postal…</c> ones
    /// <see cref="PostalAddress"/>; empty or blank strings become null.
    /// XPM keeps no mobile on a client, only on its contacts: a person's <see cref="Mobile"/> is taken from the
    /// contact that is that person (same name, not deleted, the primary one first). An entity's contacts are other
    /// people, so an entity gets no mobile.
    /// </summary>
    public static XpmClientSnapshot From(XpmClientRecord record)
    {
        var kind = BusinessStructures.KindOf(record.BusinessStructure);
        var name = ImportText.Clean(record.Name);
        var firstName = ImportText.Clean(record.FirstName);
        var lastName = ImportText.Clean(record.LastName);
        var ownContact = kind == ClientKind.Person ? OwnContact(record) : null;

        return new XpmClientSnapshot
        {
            XpmUuid = record.Uuid,
            Kind = kind,
            Name = name ?? string.Join(' ', new[] { firstName, lastName }.OfType<string>()),
            FirstName = firstName,
            LastName = lastName,
            Email = ImportText.Clean(record.Email),
            Phone = ImportText.Clean(record.Phone),
            Mobile = ImportText.Clean(ownContact?.Mobile),
            OwnContactUuid = ownContact?.Uuid,
            DateOfBirth = record.DateOfBirth,
            BusinessStructure = ImportText.Clean(record.BusinessStructure),
            PhysicalAddress = Address(record.Address, record.City, record.Region, record.PostCode, record.Country),
            PostalAddress = Address(record.PostalAddress, record.PostalCity, record.PostalRegion, record.PostalPostCode, record.PostalCountry),
        };
    }

    private static XpmContact? OwnContact(XpmClientRecord record)
    {
        var keys = ImportText.NameKeys(record.Name, record.FirstName, record.LastName);
        return record.Contacts
            .Where(c => !c.IsDeleted && ImportText.Clean(c.Mobile) is not null)
            .Where(c => ImportText.SharesKey(ImportText.NameKeys(c.Name, null, null), keys))
            .OrderByDescending(c => c.IsPrimary)
            .FirstOrDefault();
    }

    private static Address Address(string? street, string? city, string? region, string? postCode, string? country) => new()
    {
        Street = ImportText.Clean(street),
        City = ImportText.Clean(city),
        Region = ImportText.Clean(region),
        PostCode = ImportText.Clean(postCode),
        Country = ImportText.Clean(country),
    };
}
