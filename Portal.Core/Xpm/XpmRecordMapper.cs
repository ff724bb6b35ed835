using System.Globalization;
using System.Xml.Linq;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

/// <summary>
/// Turns one small <see cref="XElement"/> (a single client, staff member…) into a model. Lenient exactly where XPM
/// varies: element order, blanks written as <c>&lt;X/&gt;</c>, <c>&lt;X /&gt;</c>, <c>&lt;X&gt;&lt;/X&gt;</c> or left out
/// (all null), UUID case, Yes/No or true/false, three date spellings. A value that is present but unreadable
/// (a boolean "Maybe", a broken UUID) is a malformed reply: guessing would corrupt the sync.
/// </summary>
internal static class XpmRecordMapper
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd", "yyyyMMdd",
    ];

    public static XpmStaff Staff(XElement e) => new()
    {
        Uuid = RequiredUuid(e),
        Name = Text(e, "Name") ?? "",
        Email = Text(e, "Email"),
        Phone = Text(e, "Phone"),
        Mobile = Text(e, "Mobile"),
        Address = Text(e, "Address"),
        PayrollCode = Text(e, "PayrollCode"),
        WebUrl = Text(e, "WebUrl"),
    };

    public static XpmClientRecord Client(XElement e, string? responseWebUrl = null) => new()
    {
        Uuid = RequiredUuid(e),
        Name = Text(e, "Name") ?? "",
        Title = Text(e, "Title"),
        Gender = Text(e, "Gender"),
        FirstName = Text(e, "FirstName"),
        LastName = Text(e, "LastName"),
        OtherName = Text(e, "OtherName"),
        Email = Text(e, "Email"),
        DateOfBirth = Date(e, "DateOfBirth"),
        Address = Text(e, "Address"),
        City = Text(e, "City"),
        Region = Text(e, "Region"),
        PostCode = Text(e, "PostCode"),
        Country = Text(e, "Country"),
        PostalAddress = Text(e, "PostalAddress"),
        PostalCity = Text(e, "PostalCity"),
        PostalRegion = Text(e, "PostalRegion"),
        PostalPostCode = Text(e, "PostalPostCode"),
        PostalCountry = Text(e, "PostalCountry"),
        Phone = Text(e, "Phone"),
        Fax = Text(e, "Fax"),
        Website = Text(e, "Website"),
        ReferralSource = Text(e, "ReferralSource"),
        ExportCode = Text(e, "ExportCode"),
        IsProspect = Bool(e, "IsProspect") ?? false,
        IsArchived = Bool(e, "IsArchived") ?? false,
        IsDeleted = Bool(e, "IsDeleted") ?? false,
        AccountManager = Ref(e.Element("AccountManager")),
        JobManager = Ref(e.Element("JobManager")),
        BillingClient = Ref(e.Element("BillingClient")),
        BusinessStructure = Text(e, "BusinessStructure"),
        TaxNumber = Text(e, "TaxNumber"),
        CompanyNumber = Text(e, "CompanyNumber"),
        BusinessNumber = Text(e, "BusinessNumber"),
        GSTRegistered = Bool(e, "GSTRegistered"),
        Contacts = Items(e, "Contacts", "Contact").Select(Contact).ToArray(),
        Groups = Refs(e, "Groups", "Group"),
        Relationships = Items(e, "Relationships", "Relationship").Select(Relationship).ToArray(),
        // `get` replies have been documented with WebUrl directly under <Response>, beside the client.
        WebUrl = Text(e, "WebUrl") ?? responseWebUrl,
    };

    public static XpmContact Contact(XElement e) => new()
    {
        Uuid = OptionalUuid(e.Element("UUID")),
        Name = Text(e, "Name") ?? "",
        Salutation = Text(e, "Salutation"),
        Addressee = Text(e, "Addressee"),
        Mobile = Text(e, "Mobile"),
        Email = Text(e, "Email"),
        Phone = Text(e, "Phone"),
        Position = Text(e, "Position"),
        IsPrimary = Bool(e, "IsPrimary") ?? false,
        IsDeleted = Bool(e, "IsDeleted") ?? false,
    };

    public static XpmGroup Group(XElement e) => new()
    {
        Uuid = RequiredUuid(e),
        Name = Text(e, "Name") ?? "",
        Taxable = Bool(e, "Taxable"),
        Clients = Refs(e, "Clients", "Client"),
    };

    private static XpmRelationship Relationship(XElement e) => new(
        RequiredUuid(e),
        Text(e, "Type"),
        Ref(e.Element("RelatedClient")) ?? throw Malformed(e, "has no <RelatedClient> with a UUID"),
        Int(e, "NumberOfShares"),
        Decimal(e, "Percentage"),
        Date(e, "StartDate"),
        Date(e, "EndDate"));

    /// <summary>Null when the element is missing or blank; text is otherwise kept exactly as sent (spaces, line feeds).</summary>
    private static string? Text(XElement parent, string name) =>
        parent.Element(name)?.Value is { Length: > 0 } value ? value : null;

    private static IEnumerable<XElement> Items(XElement parent, string list, string item) =>
        parent.Element(list)?.Elements(item) ?? [];

    /// <summary>A link whose UUID is blank or missing (XPM writes unset managers as empty or leaves them out) is no link.</summary>
    private static XpmRef? Ref(XElement? e) =>
        e is not null && OptionalUuid(e.Element("UUID")) is { } uuid ? new XpmRef(uuid, Text(e, "Name") ?? "") : null;

    private static XpmRef[] Refs(XElement parent, string list, string item) =>
        Items(parent, list, item).Select(Ref).OfType<XpmRef>().ToArray();

    private static Guid RequiredUuid(XElement e) =>
        OptionalUuid(e.Element("UUID")) ?? throw Malformed(e, "has no UUID");

    private static Guid? OptionalUuid(XElement? e)
    {
        if (e is null || e.Value.Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        return Guid.TryParse(text, out var uuid) ? uuid : throw Unreadable(e, "a UUID");
    }

    private static bool? Bool(XElement parent, string name)
    {
        var e = parent.Element(name);
        var text = e?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Clients and contacts say Yes/No; other XPM records say true/false.
        if (text.Equals("Yes", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("No", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw Unreadable(e!, "Yes/No or true/false");
    }

    private static DateOnly? Date(XElement parent, string name)
    {
        var e = parent.Element(name);
        var text = e?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateOnly.FromDateTime(value)
            : throw Unreadable(e!, "a date such as 1970-11-26, 1970-11-26T00:00:00 or 19701126");
    }

    private static int? Int(XElement parent, string name)
    {
        var e = parent.Element(name);
        var text = e?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unreadable(e!, "a whole number");
    }

    private static decimal? Decimal(XElement parent, string name)
    {
        var e = parent.Element(name);
        var text = e?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unreadable(e!, "a number");
    }

    private static XpmException Unreadable(XElement e, string expected)
    {
        var value = e.Value.Length > 80 ? e.Value[..80] + "…" : e.Value;
        return Malformed(e, $"holds '{value}', expected {expected}");
    }

    private static XpmException Malformed(XElement e, string problem) =>
        new(new XpmMalformedResponseError($"{PathOf(e)} {problem}{OwnerOf(e)}."));

    private static string PathOf(XElement e) =>
        string.Concat(e.AncestorsAndSelf().Reverse().Select(a => $"<{a.Name.LocalName}>"));

    /// <summary>The UUID of the record being read (the client, staff member…), so the message points at what to fix in XPM.</summary>
    private static string OwnerOf(XElement e)
    {
        var record = e.AncestorsAndSelf().Last();
        var uuid = record.Element("UUID")?.Value.Trim();
        return string.IsNullOrEmpty(uuid) ? "" : $" (in {record.Name.LocalName} {uuid})";
    }
}
