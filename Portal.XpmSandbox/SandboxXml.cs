using System.Globalization;
using System.Xml;

namespace Portal.XpmSandbox;

/// <summary>How much of a client a call returns (the XPM API reference's "shape per call").</summary>
internal enum SandboxClientShape
{
    /// <summary><c>paged-list</c>: base fields (no person names or birth date), manager links, <c>WebUrl</c>.</summary>
    Summary,

    /// <summary><c>list</c>/<c>search</c> without <c>detailed=true</c>: adds billing links, (tax fields,) contacts.</summary>
    List,

    /// <summary><c>get</c>, <c>add</c>, <c>update</c> and <c>detailed=true</c>: everything, with notes, groups, relationships.</summary>
    Detailed,
}

/// <summary>
/// Writes XPM 3.1 elements in the order of the 3.1 fixtures: UUID first, lower-case UUIDs, <c>Yes</c>/<c>No</c>,
/// blanks as empty elements, optional blocks left out when unset.
/// </summary>
internal static class SandboxXml
{
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static async Task WriteStaffAsync(XmlWriter w, SandboxStaff staff)
    {
        await w.WriteStartElementAsync(null, "Staff", null);
        await ElementAsync(w, "UUID", Id(staff.Uuid));
        await ElementAsync(w, "Name", staff.Name);
        await ElementAsync(w, "Email", staff.Email);
        await ElementAsync(w, "Phone", staff.Phone);
        await ElementAsync(w, "Mobile", staff.Mobile);
        await ElementAsync(w, "Address", staff.Address);
        await ElementAsync(w, "PayrollCode", staff.PayrollCode);
        await ElementAsync(w, "WebUrl", $"https://practicemanager.xero.com/app/staff/{Id(staff.Uuid)}/information");
        await w.WriteEndElementAsync();
    }

    public static async Task WriteClientAsync(XmlWriter w, SandboxClient c, SandboxPracticeState state, SandboxClientShape shape, XpmSandboxOptions options)
    {
        await w.WriteStartElementAsync(null, "Client", null);
        await ElementAsync(w, "UUID", Id(c.Uuid));
        await ElementAsync(w, "Name", c.Name);
        var person = shape != SandboxClientShape.Summary;
        await OptionalAsync(w, "Title", person ? c.Title : null);
        await OptionalAsync(w, "Gender", person ? c.Gender : null);
        await OptionalAsync(w, "FirstName", person ? c.FirstName : null);
        await OptionalAsync(w, "LastName", person ? c.LastName : null);
        await OptionalAsync(w, "OtherName", person ? c.OtherName : null);
        await OptionalAsync(w, "Email", c.Email);
        await OptionalAsync(w, "DateOfBirth", person && c.DateOfBirth is { } birth ? birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00" : null);
        await ElementAsync(w, "Address", c.Address);
        await ElementAsync(w, "City", c.City);
        await ElementAsync(w, "Region", c.Region);
        await ElementAsync(w, "PostCode", c.PostCode);
        await ElementAsync(w, "Country", c.Country);
        await ElementAsync(w, "PostalAddress", c.PostalAddress);
        await ElementAsync(w, "PostalCity", c.PostalCity);
        await ElementAsync(w, "PostalRegion", c.PostalRegion);
        await ElementAsync(w, "PostalPostCode", c.PostalPostCode);
        await ElementAsync(w, "PostalCountry", c.PostalCountry);
        await ElementAsync(w, "Phone", c.Phone);
        await ElementAsync(w, "Fax", c.Fax);
        await ElementAsync(w, "Website", c.Website);
        await ElementAsync(w, "ReferralSource", c.ReferralSource);
        await ElementAsync(w, "ExportCode", c.ExportCode);
        await YesNoAsync(w, "IsProspect", c.IsProspect);
        await YesNoAsync(w, "IsArchived", c.IsArchived);
        await YesNoAsync(w, "IsDeleted", c.IsDeleted);
        await StaffLinkAsync(w, "AccountManager", c.AccountManagerUuid, state);
        await StaffLinkAsync(w, "JobManager", c.JobManagerUuid, state);
        if (shape == SandboxClientShape.Summary)
        {
            await ElementAsync(w, "WebUrl", c.WebUrl);
            await w.WriteEndElementAsync();
            return;
        }

        if (c.Type is { } type)
        {
            await w.WriteStartElementAsync(null, "Type", null);
            await ElementAsync(w, "Name", type.Name);
            await ElementAsync(w, "CostMarkup", Number(type.CostMarkup));
            await ElementAsync(w, "PaymentTerm", type.PaymentTerm);
            await ElementAsync(w, "PaymentDay", type.PaymentDay.ToString(CultureInfo.InvariantCulture));
            await w.WriteEndElementAsync();
        }

        if (c.BillingClientUuid is { } billingUuid && state.Clients.Find(billingUuid) is { } billing)
        {
            await LinkAsync(w, "BillingClient", billing.Uuid, billing.Name);
        }

        if (shape == SandboxClientShape.Detailed || options.ListIncludesTaxFields)
        {
            await WriteTaxAsync(w, c);
        }

        await w.WriteStartElementAsync(null, "Contacts", null);
        foreach (var link in c.Contacts)
        {
            if (state.Contacts.Find(link.ContactUuid) is { } contact)
            {
                await WriteContactAsync(w, contact, link);
            }
        }

        await w.WriteEndElementAsync();
        if (shape == SandboxClientShape.Detailed)
        {
            await w.WriteStartElementAsync(null, "Notes", null);
            foreach (var note in c.Notes)
            {
                await w.WriteStartElementAsync(null, "Note", null);
                await ElementAsync(w, "Title", note.Title);
                await ElementAsync(w, "Text", note.Text);
                await ElementAsync(w, "Folder", note.Folder);
                await ElementAsync(w, "Date", note.Date.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
                await ElementAsync(w, "CreatedBy", note.CreatedBy);
                await w.WriteEndElementAsync();
            }

            await w.WriteEndElementAsync();
            await w.WriteStartElementAsync(null, "Groups", null);
            foreach (var groupUuid in c.Groups)
            {
                if (state.Groups.Find(groupUuid) is { } group)
                {
                    await LinkAsync(w, "Group", group.Uuid, group.Name);
                }
            }

            await w.WriteEndElementAsync();
            await w.WriteStartElementAsync(null, "Relationships", null);
            foreach (var relationship in c.Relationships)
            {
                await WriteRelationshipAsync(w, relationship, state, options);
            }

            await w.WriteEndElementAsync();
        }

        await ElementAsync(w, "WebUrl", c.WebUrl);
        await w.WriteEndElementAsync();
    }

    /// <summary>A contact as it appears in a client, or alone with its link to one client (<c>Position</c>, <c>IsPrimary</c>).</summary>
    public static async Task WriteContactAsync(XmlWriter w, SandboxContact contact, SandboxContactLink? link)
    {
        await w.WriteStartElementAsync(null, "Contact", null);
        await ElementAsync(w, "UUID", Id(contact.Uuid));
        await ElementAsync(w, "Name", contact.Name);
        await ElementAsync(w, "Mobile", contact.Mobile);
        await ElementAsync(w, "Email", contact.Email);
        await ElementAsync(w, "Phone", contact.Phone);
        await ElementAsync(w, "Salutation", contact.Salutation);
        await ElementAsync(w, "Addressee", contact.Addressee);
        await ElementAsync(w, "Position", link?.Position ?? "");
        await YesNoAsync(w, "IsPrimary", link?.IsPrimary ?? false);
        await YesNoAsync(w, "IsDeleted", contact.IsDeleted);
        await w.WriteEndElementAsync();
    }

    /// <summary>A contact in <c>client.api/contacts</c>: no client link.</summary>
    public static async Task WriteContactSummaryAsync(XmlWriter w, SandboxContact contact)
    {
        await w.WriteStartElementAsync(null, "Contact", null);
        await ElementAsync(w, "UUID", Id(contact.Uuid));
        await ElementAsync(w, "Name", contact.Name);
        await ElementAsync(w, "Salutation", contact.Salutation);
        await ElementAsync(w, "Addressee", contact.Addressee);
        await ElementAsync(w, "Mobile", contact.Mobile);
        await ElementAsync(w, "Email", contact.Email);
        await ElementAsync(w, "Phone", contact.Phone);
        await YesNoAsync(w, "IsDeleted", contact.IsDeleted);
        await w.WriteEndElementAsync();
    }

    public static async Task WriteGroupAsync(XmlWriter w, SandboxGroup group, IEnumerable<SandboxClient>? members)
    {
        await w.WriteStartElementAsync(null, "Group", null);
        await ElementAsync(w, "UUID", Id(group.Uuid));
        await ElementAsync(w, "Name", group.Name);
        await YesNoAsync(w, "Taxable", group.Taxable);
        if (members is not null)
        {
            await w.WriteStartElementAsync(null, "Clients", null);
            foreach (var member in members)
            {
                await LinkAsync(w, "Client", member.Uuid, member.Name);
            }

            await w.WriteEndElementAsync();
        }

        await w.WriteEndElementAsync();
    }

    public static Task ElementAsync(XmlWriter w, string name, string value) => w.WriteElementStringAsync(null, name, null, value);

    public static string Id(Guid uuid) => uuid.ToString("D");

    private static async Task WriteTaxAsync(XmlWriter w, SandboxClient c)
    {
        var tax = c.Tax;
        if (tax is not null)
        {
            await ElementAsync(w, "TaxNumber", tax.TaxNumber);
            await ElementAsync(w, "CompanyNumber", tax.CompanyNumber);
            await ElementAsync(w, "BusinessNumber", tax.BusinessNumber);
            await ElementAsync(w, "BranchNumber", tax.BranchNumber);
        }

        await OptionalAsync(w, "BusinessStructure", c.BusinessStructure);
        if (tax is null)
        {
            return;
        }

        await OptionalAsync(w, "BalanceMonth", tax.BalanceMonth);
        await YesNoAsync(w, "GSTRegistered", tax.GstRegistered);
        await YesNoAsync(w, "PrepareGST", tax.PrepareGst);
        await OptionalAsync(w, "GSTPeriod", tax.GstPeriod);
        await OptionalAsync(w, "GSTBasis", tax.GstBasis);
        await OptionalAsync(w, "ProvisionalTaxBasis", tax.ProvisionalTaxBasis);
        await OptionalAsync(w, "ProvisionalTaxRatio", tax.ProvisionalTaxRatio);
        await YesNoAsync(w, "SignedTaxAuthority", tax.SignedTaxAuthority);
        await OptionalAsync(w, "TaxAgent", tax.TaxAgent);
        await ElementAsync(w, "AgencyStatus", tax.AgencyStatus);
        await OptionalAsync(w, "ReturnType", tax.ReturnType);
        await YesNoAsync(w, "PrepareActivityStatement", tax.PrepareActivityStatement);
        await YesNoAsync(w, "PrepareTaxReturn", tax.PrepareTaxReturn);
        await w.WriteStartElementAsync(null, "AutoBasOptInCriteria", null);
        await YesNoAsync(w, "Annually", tax.AutoBasAnnually);
        await YesNoAsync(w, "Monthly", tax.AutoBasMonthly);
        await YesNoAsync(w, "Quarterly", tax.AutoBasQuarterly);
        await YesNoAsync(w, "Opt-Out", tax.AutoBasOptOut);
        await w.WriteEndElementAsync();
        await OptionalAsync(w, "BankName", tax.BankName);
        await YesNoAsync(w, "ActiveAtoClient", tax.ActiveAtoClient);
        await OptionalAsync(w, "ClientCode", tax.ClientCode);
    }

    private static async Task WriteRelationshipAsync(XmlWriter w, SandboxRelationship relationship, SandboxPracticeState state, XpmSandboxOptions options)
    {
        if (state.Clients.Find(relationship.RelatedClientUuid) is not { } related)
        {
            return;
        }

        await w.WriteStartElementAsync(null, "Relationship", null);
        await ElementAsync(w, "UUID", Id(relationship.Uuid));
        await ElementAsync(w, "Type", relationship.IsReverse && options.ReverseRelationshipLabels ? relationship.Type + " of" : relationship.Type);
        await LinkAsync(w, "RelatedClient", related.Uuid, related.Name);
        await ElementAsync(w, "NumberOfShares", (relationship.NumberOfShares ?? 0).ToString(CultureInfo.InvariantCulture));
        await ElementAsync(w, "Percentage", Number(relationship.Percentage ?? 0m));
        await ElementAsync(w, "StartDate", relationship.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        await ElementAsync(w, "EndDate", relationship.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        await w.WriteEndElementAsync();
    }

    private static async Task StaffLinkAsync(XmlWriter w, string element, Guid? staffUuid, SandboxPracticeState state)
    {
        if (staffUuid is { } uuid && state.Staff.Find(uuid) is { } staff)
        {
            await LinkAsync(w, element, staff.Uuid, staff.Name);
        }
    }

    private static async Task LinkAsync(XmlWriter w, string element, Guid uuid, string name)
    {
        await w.WriteStartElementAsync(null, element, null);
        await ElementAsync(w, "UUID", Id(uuid));
        await ElementAsync(w, "Name", name);
        await w.WriteEndElementAsync();
    }

    private static Task OptionalAsync(XmlWriter w, string name, string? value) =>
        value is null ? Task.CompletedTask : ElementAsync(w, name, value);

    private static Task YesNoAsync(XmlWriter w, string name, bool value) => ElementAsync(w, name, value ? "Yes" : "No");

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
