using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;

namespace Portal.Core.Import.Apply;

/// <summary>Writes the planned fields' typed values from the XPM snapshot onto a portal client.</summary>
internal static class ClientFieldWriter
{
    public static void Write(Client client, XpmClientSnapshot xpm, IEnumerable<ImportField> fields)
    {
        foreach (var field in fields)
        {
            switch (field)
            {
                case ImportField.Name: client.Name = xpm.Name; break;
                case ImportField.FirstName: client.FirstName = xpm.FirstName; break;
                case ImportField.LastName: client.LastName = xpm.LastName; break;
                case ImportField.Email: client.Email = xpm.Email; break;
                case ImportField.Phone: client.Phone = xpm.Phone; break;
                case ImportField.Mobile: client.Mobile = xpm.Mobile; break;
                case ImportField.PhysicalAddress: client.PhysicalAddress = xpm.PhysicalAddress; break;
                case ImportField.PostalAddress: client.PostalAddress = xpm.PostalAddress; break;
                case ImportField.DateOfBirth: client.DateOfBirth = xpm.DateOfBirth; break;
                case ImportField.BusinessStructure: client.BusinessStructure = xpm.BusinessStructure; break;
                default: throw new ArgumentOutOfRangeException(nameof(fields), field, "Unknown import field.");
            }
        }
    }
}
