using System.Text;
using System.Xml.Linq;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Models;

namespace Portal.Xpm;

public sealed class XpmRequestXmlTests
{
    private static readonly Guid Uuid = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb");

    [Fact]
    public void ClientUpdate_OnlyUuid_WritesNothingElse()
    {
        var xml = Encoding.UTF8.GetString(XpmRequestXml.ClientUpdate(new XpmClientUpdate { Uuid = Uuid }));

        xml.ShouldBe("<Client><UUID>869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb</UUID></Client>");
    }

    [Fact]
    public void ClientUpdate_EmptyString_IsSentAsAnEmptyElement()
    {
        var xml = Encoding.UTF8.GetString(XpmRequestXml.ClientUpdate(new XpmClientUpdate { Uuid = Uuid, Fax = "" }));

        xml.ShouldBe("<Client><UUID>869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb</UUID><Fax /></Client>");
    }

    [Fact]
    public void ClientUpdate_EveryField_UsesRequestNamesAndFormats()
    {
        var update = new XpmClientUpdate
        {
            Uuid = Uuid,
            DateOfBirth = new DateOnly(1970, 11, 26),
            IsProspect = true,
            GSTRegistered = false,
            Website = "https://example.test",
            AccountManagerUuid = Guid.Parse("42910477-1971-4AFA-B421-B97A6C531AAB"),
            JobManagerUuid = Guid.Parse("b7a0d4e2-5c1f-4f0a-9d3e-2a6c8e1f4b90"),
            BillingClientUuid = Guid.Parse("43fdc385-d166-48e8-8919-370f806797ee"),
        };

        var client = XElement.Parse(Encoding.UTF8.GetString(XpmRequestXml.ClientUpdate(update)));

        client.Elements().Select(e => $"{e.Name}={e.Value}").ShouldBe([
            "UUID=869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb",
            "DateOfBirth=1970-11-26",
            "WebSite=https://example.test",
            "IsProspect=Yes",
            "AccountManagerUUID=42910477-1971-4afa-b421-b97a6c531aab",
            "JobManagerUUID=b7a0d4e2-5c1f-4f0a-9d3e-2a6c8e1f4b90",
            "BillingClientUUID=43fdc385-d166-48e8-8919-370f806797ee",
            "GSTRegistered=No",
        ]);
    }

    [Fact]
    public void ClientUpdate_MarkupAndLineBreaks_AreEscapedAndKept()
    {
        var update = new XpmClientUpdate { Uuid = Uuid, Name = "Dan & Sons <Ltd>", Address = "Unit 4\r\n9 Wharf Road" };

        var bytes = XpmRequestXml.ClientUpdate(update);

        var xml = Encoding.UTF8.GetString(bytes);
        xml.ShouldContain("<Name>Dan &amp; Sons &lt;Ltd&gt;</Name>");
        xml.ShouldContain("<Address>Unit 4&#xD;\n9 Wharf Road</Address>");
        var client = XElement.Parse(xml);
        (client.Element("Name")!.Value, client.Element("Address")!.Value).ShouldBe(("Dan & Sons <Ltd>", "Unit 4\r\n9 Wharf Road"));
    }

    [Fact]
    public void ClientUpdate_Body_HasNoDeclarationOrByteOrderMark()
    {
        var bytes = XpmRequestXml.ClientUpdate(new XpmClientUpdate { Uuid = Uuid });

        bytes[0].ShouldBe((byte)'<');
        Encoding.UTF8.GetString(bytes).ShouldStartWith("<Client>");
    }

    [Fact]
    public void Contact_WithoutClient_LeavesOutTheLinkFields()
    {
        var xml = Encoding.UTF8.GetString(XpmRequestXml.Contact(new XpmContactUpdate { Name = "Ana", Salutation = "Ana", Addressee = "Ms A Whitfield", Phone = "06 555 0142" }));

        xml.ShouldBe("<Contact><Name>Ana</Name><Salutation>Ana</Salutation><Addressee>Ms A Whitfield</Addressee><Phone>06 555 0142</Phone></Contact>");
    }
}
