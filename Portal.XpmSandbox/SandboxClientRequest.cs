using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;

namespace Portal.XpmSandbox;

/// <summary>
/// A <c>client.api/add</c> or <c>update</c> body as a change to apply. Request spellings differ from the output:
/// <c>WebSite</c> (output <c>Website</c>, both accepted), flat <c>AccountManagerUUID</c>, <c>JobManagerUUID</c>,
/// <c>BillingClientUUID</c>; <c>GSTPeriod</c> takes 1, 2 or 6; <c>BalanceMonth</c> takes Jan or 1. Omitted elements
/// keep their values; an empty element clears the field (unconfirmed for XPM). Unknown elements are ignored.
/// Every value is validated here, so applying the change cannot fail.
/// </summary>
internal static class SandboxClientRequest
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static Func<SandboxClient, SandboxClient> Parse(XElement body, SandboxPracticeState state)
    {
        var changes = new List<Func<SandboxClient, SandboxClient>>();
        foreach (var element in body.Elements())
        {
            var name = element.Name.LocalName;
            var v = element.Value.Trim();
            var optional = v.Length == 0 ? null : v;
            Func<SandboxClient, SandboxClient>? change = name switch
            {
                "Name" when v.Length == 0 => throw new SandboxRequestException("Client name is required"),
                "Name" => c => c with { Name = v },
                "Title" => c => c with { Title = optional },
                "Gender" => c => c with { Gender = optional },
                "FirstName" => c => c with { FirstName = optional },
                "LastName" => c => c with { LastName = optional },
                "OtherName" => c => c with { OtherName = optional },
                "Email" => c => c with { Email = v },
                "DateOfBirth" => Set(SandboxRequestXml.Date(name, v), (c, d) => c with { DateOfBirth = d }),
                "Address" => c => c with { Address = v },
                "City" => c => c with { City = v },
                "Region" => c => c with { Region = v },
                "PostCode" => c => c with { PostCode = v },
                "Country" => c => c with { Country = v },
                "PostalAddress" => c => c with { PostalAddress = v },
                "PostalCity" => c => c with { PostalCity = v },
                "PostalRegion" => c => c with { PostalRegion = v },
                "PostalPostCode" => c => c with { PostalPostCode = v },
                "PostalCountry" => c => c with { PostalCountry = v },
                "Phone" => c => c with { Phone = v },
                "Fax" => c => c with { Fax = v },
                "WebSite" or "Website" => c => c with { Website = v },
                "ReferralSource" => c => c with { ReferralSource = v },
                "ExportCode" => c => c with { ExportCode = v },
                "IsProspect" => Set(SandboxRequestXml.Bool(name, v), (c, b) => c with { IsProspect = b }),
                "AccountManagerUUID" => Set(Staff(name, v, state), (c, s) => c with { AccountManagerUuid = s }),
                "JobManagerUUID" => Set(Staff(name, v, state), (c, s) => c with { JobManagerUuid = s }),
                "BillingClientUUID" => Set(Client(name, v, state), (c, b) => c with { BillingClientUuid = b }),
                "BusinessStructure" => c => c with { BusinessStructure = optional },
                "TaxNumber" => Tax(t => t with { TaxNumber = v }),
                "CompanyNumber" => Tax(t => t with { CompanyNumber = v }),
                "BusinessNumber" => Tax(t => t with { BusinessNumber = v }),
                "BranchNumber" => Tax(t => t with { BranchNumber = v }),
                "BalanceMonth" => Set(Month(name, optional), (c, m) => WithTax(c, t => t with { BalanceMonth = m })),
                "GSTRegistered" => Set(SandboxRequestXml.Bool(name, v), (c, b) => WithTax(c, t => t with { GstRegistered = b })),
                "PrepareGST" => Set(SandboxRequestXml.Bool(name, v), (c, b) => WithTax(c, t => t with { PrepareGst = b })),
                "GSTPeriod" => Set(GstPeriod(name, optional), (c, p) => WithTax(c, t => t with { GstPeriod = p })),
                "GSTBasis" => Tax(t => t with { GstBasis = optional }),
                "ProvisionalTaxBasis" => Tax(t => t with { ProvisionalTaxBasis = optional }),
                "ProvisionalTaxRatio" => Tax(t => t with { ProvisionalTaxRatio = optional }),
                "SignedTaxAuthority" => Set(SandboxRequestXml.Bool(name, v), (c, b) => WithTax(c, t => t with { SignedTaxAuthority = b })),
                "TaxAgent" => Tax(t => t with { TaxAgent = optional }),
                "AgencyStatus" => Tax(t => t with { AgencyStatus = v }),
                "ReturnType" => Tax(t => t with { ReturnType = optional }),
                "PrepareActivityStatement" => Set(SandboxRequestXml.Bool(name, v), (c, b) => WithTax(c, t => t with { PrepareActivityStatement = b })),
                "PrepareTaxReturn" => Set(SandboxRequestXml.Bool(name, v), (c, b) => WithTax(c, t => t with { PrepareTaxReturn = b })),
                "BankName" => Tax(t => t with { BankName = optional }),
                "ActiveAtoClient" => Set(SandboxRequestXml.Bool(name, v), (c, b) => WithTax(c, t => t with { ActiveAtoClient = b })),
                "ClientCode" => Tax(t => t with { ClientCode = optional }),
                _ => null,
            };
            if (change is not null)
            {
                changes.Add(change);
            }
        }

        return client => changes.Aggregate(client, (current, change) => change(current));
    }

    /// <summary>
    /// The <c>&lt;Contacts&gt;&lt;Contact&gt;</c> of an add: new contacts and their links (if several are primary, the last wins).
    /// </summary>
    public static (IReadOnlyList<SandboxContact> Contacts, ImmutableArray<SandboxContactLink> Links) ParseNewContacts(XElement body)
    {
        var contacts = new List<SandboxContact>();
        var links = new List<SandboxContactLink>();
        foreach (var element in body.Element("Contacts")?.Elements("Contact") ?? [])
        {
            var (contact, position, isPrimary) = SandboxContactRequest.ParseNew(element);
            contacts.Add(contact);
            if (isPrimary)
            {
                links = [.. links.Select(l => l with { IsPrimary = false })];
            }

            links.Add(new SandboxContactLink(contact.Uuid, position, isPrimary));
        }

        return (contacts, [.. links]);
    }

    private static Func<SandboxClient, SandboxClient> Set<T>(T value, Func<SandboxClient, T, SandboxClient> apply) => c => apply(c, value);

    private static Func<SandboxClient, SandboxClient> Tax(Func<SandboxTaxDetails, SandboxTaxDetails> change) => c => WithTax(c, change);

    private static SandboxClient WithTax(SandboxClient client, Func<SandboxTaxDetails, SandboxTaxDetails> change) =>
        client with { Tax = change(client.Tax ?? new SandboxTaxDetails()) };

    private static Guid? Staff(string name, string value, SandboxPracticeState state) =>
        SandboxRequestXml.Uuid(name, value) is { } uuid
            ? state.Staff.Find(uuid)?.Uuid ?? throw new SandboxRequestException($"Invalid staff identifier for {name}", 404)
            : null;

    private static Guid? Client(string name, string value, SandboxPracticeState state) =>
        SandboxRequestXml.Uuid(name, value) is { } uuid
            ? state.Clients.Find(uuid)?.Uuid ?? throw new SandboxRequestException($"Invalid client identifier for {name}", 404)
            : null;

    private static string? Month(string name, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 12)
        {
            return Months[number - 1];
        }

        return Months.FirstOrDefault(m => value.StartsWith(m, StringComparison.OrdinalIgnoreCase))
            ?? throw new SandboxRequestException($"Invalid value for {name}: {value}");
    }

    private static string? GstPeriod(string name, string? value) => value switch
    {
        null => null,
        "1" or "Monthly" => "Monthly",
        "2" or "2 Monthly" => "2 Monthly",
        "6" or "6 Monthly" => "6 Monthly",
        _ => throw new SandboxRequestException($"Invalid value for {name}: {value}"),
    };
}
