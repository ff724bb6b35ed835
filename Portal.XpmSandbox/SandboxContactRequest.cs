using System.Xml.Linq;

namespace Portal.XpmSandbox;

/// <summary>
/// A <c>&lt;Contact&gt;</c> body: <c>Name, Salutation, Addressee, Mobile, Email, Phone</c> belong to the contact;
/// <c>Position</c> and <c>IsPrimary</c> to its link with the client named in <c>&lt;Client&gt;&lt;UUID/&gt;&lt;/Client&gt;</c>.
/// </summary>
internal static class SandboxContactRequest
{
    public static (SandboxContact Contact, string Position, bool IsPrimary) ParseNew(XElement body)
    {
        var name = SandboxRequestXml.Text(body, "Name");
        if (string.IsNullOrEmpty(name))
        {
            throw new SandboxRequestException("Contact name is required");
        }

        var contact = Change(body)(new SandboxContact(Guid.NewGuid(), name, "", "", "", "", ""));
        return (contact, SandboxRequestXml.Text(body, "Position") ?? "", IsPrimary(body) ?? false);
    }

    /// <summary>The contact's own fields that the body carries; omitted ones keep their values.</summary>
    public static Func<SandboxContact, SandboxContact> Change(XElement body)
    {
        var name = SandboxRequestXml.Text(body, "Name");
        if (name is { Length: 0 })
        {
            throw new SandboxRequestException("Contact name is required");
        }

        var salutation = SandboxRequestXml.Text(body, "Salutation");
        var addressee = SandboxRequestXml.Text(body, "Addressee");
        var mobile = SandboxRequestXml.Text(body, "Mobile");
        var email = SandboxRequestXml.Text(body, "Email");
        var phone = SandboxRequestXml.Text(body, "Phone");
        return c => c with
        {
            Name = name ?? c.Name,
            Salutation = salutation ?? c.Salutation,
            Addressee = addressee ?? c.Addressee,
            Mobile = mobile ?? c.Mobile,
            Email = email ?? c.Email,
            Phone = phone ?? c.Phone,
        };
    }

    public static bool? IsPrimary(XElement body) =>
        SandboxRequestXml.Text(body, "IsPrimary") is { } value ? SandboxRequestXml.Bool("IsPrimary", value) : null;
}
