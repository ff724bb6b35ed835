using Portal.Core.Clients;
using Portal.Core.Import.Plan;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Sync;

/// <summary>
/// What "Sync data to Xero Practice Manager" sends for one linked client: a <c>client.api/update</c> with the UUID
/// and only the pending fields, in XPM's request spellings (an address goes whole: street, city, region, post code,
/// country), and, for a person's mobile, which XPM keeps on the person's own contact, a contact update. Pure.
/// </summary>
public sealed record XpmWritePlan(XpmClientUpdate? Client, XpmContactUpdate? Contact, IReadOnlyList<ImportField> Fields, IReadOnlyList<string> NotSent)
{
    public int Calls => (Client is null ? 0 : 1) + (Contact is null ? 0 : 1);

    public static XpmWritePlan For(Guid xpmUuid, Guid? contactUuid, ClientKind kind, PortalClientValues portal, IReadOnlySet<ImportField> pending)
    {
        var client = new XpmClientUpdate { Uuid = xpmUuid };
        var clientFields = new List<ImportField>();
        var notSent = new List<string>();
        XpmContactUpdate? contact = null;
        foreach (var field in pending.Order())
        {
            switch (field)
            {
                case ImportField.Name: client = client with { Name = portal.Name }; break;
                case ImportField.FirstName: client = client with { FirstName = portal.FirstName ?? "" }; break;
                case ImportField.LastName: client = client with { LastName = portal.LastName ?? "" }; break;
                case ImportField.Email: client = client with { Email = portal.Email ?? "" }; break;
                case ImportField.Phone: client = client with { Phone = portal.Phone ?? "" }; break;
                case ImportField.BusinessStructure: client = client with { BusinessStructure = portal.BusinessStructure ?? "" }; break;
                case ImportField.PhysicalAddress:
                    client = client with
                    {
                        Address = portal.PhysicalAddress.Street ?? "", City = portal.PhysicalAddress.City ?? "", Region = portal.PhysicalAddress.Region ?? "",
                        PostCode = portal.PhysicalAddress.PostCode ?? "", Country = portal.PhysicalAddress.Country ?? "",
                    };
                    break;
                case ImportField.PostalAddress:
                    client = client with
                    {
                        PostalAddress = portal.PostalAddress.Street ?? "", PostalCity = portal.PostalAddress.City ?? "", PostalRegion = portal.PostalAddress.Region ?? "",
                        PostalPostCode = portal.PostalAddress.PostCode ?? "", PostalCountry = portal.PostalAddress.Country ?? "",
                    };
                    break;
                case ImportField.DateOfBirth when portal.DateOfBirth is { } dob: client = client with { DateOfBirth = dob }; break;
                case ImportField.DateOfBirth:
                    notSent.Add("Date of birth: XPM cannot be asked to clear it");
                    continue;
                case ImportField.Mobile when kind == ClientKind.Person && contactUuid is not null:
                    contact = new XpmContactUpdate { Mobile = portal.Mobile ?? "" };
                    continue;
                case ImportField.Mobile:
                    notSent.Add("Mobile: XPM keeps a mobile only on a person's own contact, and this client has none");
                    continue;
                default: throw new ArgumentOutOfRangeException(nameof(pending), field, null);
            }

            clientFields.Add(field);
        }

        var fields = contact is null ? clientFields : [.. clientFields, ImportField.Mobile];
        return new XpmWritePlan(clientFields.Count == 0 ? null : client, contact, fields, notSent);
    }
}
