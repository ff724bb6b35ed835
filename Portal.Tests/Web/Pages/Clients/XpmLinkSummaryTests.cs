using Bunit;
using Portal.Core.Clients;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Clients;

namespace Portal.Web.Pages.Clients;

public sealed class XpmLinkSummaryTests : PortalTestContext
{
    private static readonly Guid Uuid = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb");

    [Fact]
    public void Render_Linked_ShowsLinkedToXpmWithUuidAndLink()
    {
        const string webUrl = "https://practicemanager.xero.com/Client/4400001/Detail";
        var link = new XpmLinkDetails(Uuid, webUrl, new DateTime(2026, 11, 1, 9, 30, 0), null) { WebLink = new Uri(webUrl) };

        var summary = Render<XpmLinkSummary>(p => p.Add(s => s.Link, link));

        summary.Markup.ShouldContain("Linked to Xero Practice Manager");
        summary.Markup.ShouldContain(Uuid.ToString());
        summary.Markup.ShouldContain("Last synced: never");
        var anchor = summary.Find("a");
        anchor.GetAttribute("href").ShouldBe(webUrl);
        anchor.GetAttribute("rel").ShouldBe("noopener noreferrer");
    }

    [Fact]
    public void Render_UnsafeWebUrl_ShowsItAsTextNotALink()
    {
        var link = new XpmLinkDetails(Uuid, "javascript:alert(document.cookie)", new DateTime(2026, 11, 1, 9, 30, 0), null);

        var summary = Render<XpmLinkSummary>(p => p.Add(s => s.Link, link));

        summary.FindAll("a").ShouldBeEmpty();
        summary.Find("[data-testid=xpm-web-url]").TextContent.ShouldContain("javascript:alert(document.cookie)");
    }

    [Fact]
    public void Render_NotLinked_SaysSo()
    {
        var summary = Render<XpmLinkSummary>(p => p.Add(s => s.Link, null));

        summary.Markup.ShouldContain("Not linked to Xero Practice Manager.");
    }
}
