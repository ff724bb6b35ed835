using Bunit;
using Portal.Core.Clients;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Clients;

namespace Portal.Web.Pages.Clients;

public sealed class XpmLinkSummaryTests : PortalTestContext
{
    [Fact]
    public void Render_Linked_ShowsLinkedToXpmWithUuidAndLink()
    {
        var uuid = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb");
        var link = new XpmLinkDetails(uuid, "https://practicemanager.xero.com/Client/4400001/Detail", new DateTime(2026, 11, 1, 9, 30, 0), null);

        var summary = Render<XpmLinkSummary>(p => p.Add(s => s.Link, link));

        summary.Markup.ShouldContain("Linked to Xero Practice Manager");
        summary.Markup.ShouldContain(uuid.ToString());
        summary.Markup.ShouldContain("Last synced: never");
        summary.Find("a").GetAttribute("href").ShouldBe("https://practicemanager.xero.com/Client/4400001/Detail");
    }

    [Fact]
    public void Render_NotLinked_SaysSo()
    {
        var summary = Render<XpmLinkSummary>(p => p.Add(s => s.Link, null));

        summary.Markup.ShouldContain("Not linked to Xero Practice Manager.");
    }
}
