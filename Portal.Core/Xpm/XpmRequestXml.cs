using System.Globalization;
using System.Text;
using System.Xml;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

/// <summary>
/// Writes request bodies: bare XML, no namespace, no declaration, the entity as root. Null values are left out so
/// XPM keeps what it has. Request names differ from reply names: <c>WebSite</c> (not <c>Website</c>) and flat
/// <c>AccountManagerUUID</c>/<c>JobManagerUUID</c>/<c>BillingClientUUID</c> (not nested links).
/// </summary>
internal static class XpmRequestXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = false,
        // Keeps carriage returns in multi-line addresses as &#xD; so XPM's XML parser does not normalise them away.
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static byte[] NewClient(XpmNewClient client) => Write("Client", w =>
    {
        Element(w, "Name", client.Name);
        ClientFields(w, client);
        if (client.Contacts.Count > 0)
        {
            w.WriteStartElement("Contacts");
            foreach (var contact in client.Contacts)
            {
                w.WriteStartElement("Contact");
                ContactFields(w, contact, includeLink: true);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }
    });

    public static byte[] ClientUpdate(XpmClientUpdate update) => Write("Client", w =>
    {
        Element(w, "UUID", update.Uuid);
        Element(w, "Name", update.Name);
        ClientFields(w, update);
    });

    public static byte[] Contact(XpmContactUpdate contact) => Write("Contact", w =>
    {
        ContactFields(w, contact, includeLink: false);
        if (contact.ClientUuid is { } client)
        {
            w.WriteStartElement("Client");
            Element(w, "UUID", client);
            w.WriteEndElement();
            Element(w, "Position", contact.Position);
            Element(w, "IsPrimary", contact.IsPrimary);
        }
    });

    private static void ClientFields(XmlWriter w, XpmClientFields c)
    {
        Element(w, "Title", c.Title);
        Element(w, "Gender", c.Gender);
        Element(w, "FirstName", c.FirstName);
        Element(w, "LastName", c.LastName);
        Element(w, "OtherName", c.OtherName);
        Element(w, "Email", c.Email);
        Element(w, "DateOfBirth", c.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Element(w, "Address", c.Address);
        Element(w, "City", c.City);
        Element(w, "Region", c.Region);
        Element(w, "PostCode", c.PostCode);
        Element(w, "Country", c.Country);
        Element(w, "PostalAddress", c.PostalAddress);
        Element(w, "PostalCity", c.PostalCity);
        Element(w, "PostalRegion", c.PostalRegion);
        Element(w, "PostalPostCode", c.PostalPostCode);
        Element(w, "PostalCountry", c.PostalCountry);
        Element(w, "Phone", c.Phone);
        Element(w, "Fax", c.Fax);
        Element(w, "WebSite", c.Website);
        Element(w, "ReferralSource", c.ReferralSource);
        Element(w, "ExportCode", c.ExportCode);
        Element(w, "IsProspect", c.IsProspect);
        Element(w, "AccountManagerUUID", c.AccountManagerUuid);
        Element(w, "JobManagerUUID", c.JobManagerUuid);
        Element(w, "BillingClientUUID", c.BillingClientUuid);
        Element(w, "BusinessStructure", c.BusinessStructure);
        Element(w, "TaxNumber", c.TaxNumber);
        Element(w, "CompanyNumber", c.CompanyNumber);
        Element(w, "BusinessNumber", c.BusinessNumber);
        Element(w, "GSTRegistered", c.GSTRegistered);
    }

    private static void ContactFields(XmlWriter w, XpmContactUpdate c, bool includeLink)
    {
        Element(w, "Name", c.Name);
        Element(w, "Salutation", c.Salutation);
        Element(w, "Addressee", c.Addressee);
        Element(w, "Mobile", c.Mobile);
        Element(w, "Email", c.Email);
        Element(w, "Phone", c.Phone);
        if (includeLink)
        {
            Element(w, "Position", c.Position);
            Element(w, "IsPrimary", c.IsPrimary);
        }
    }

    private static void Element(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, value);
        }
    }

    private static void Element(XmlWriter w, string name, bool? value) => Element(w, name, value switch
    {
        true => "Yes",
        false => "No",
        null => null,
    });

    private static void Element(XmlWriter w, string name, Guid? value) => Element(w, name, value?.ToString("D"));

    private static byte[] Write(string root, Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, Settings))
        {
            w.WriteStartElement(root);
            body(w);
            w.WriteEndElement();
        }

        return buffer.ToArray();
    }
}
