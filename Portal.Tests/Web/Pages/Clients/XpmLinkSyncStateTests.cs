using Bunit;
using Portal.Core.Clients;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Clients;

namespace Portal.Web.Pages.Clients;

/// <summary>The Details drop-down says where a linked client stands with XPM: archived there, pending sync, a failed sync.</summary>
public sealed class XpmLinkSyncStateTests : PortalTestContext
{
    private static readonly XpmLinkDetails Link = new(Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb"), null, new DateTime(2026, 11, 1), null);

    [Fact]
    public void Render_ArchivedInXpm_SaysSo()
    {
        var summary = Render<XpmLinkSummary>(p => p.Add(s => s.Link, Link with { IsArchivedInXpm = true }));

        summary.Find("[data-testid=archived-in-xpm]").TextContent.ShouldContain("Archived in XPM");
    }

    [Fact]
    public void Render_PendingFields_ListsThem()
    {
        var summary = Render<XpmLinkSummary>(p => p.Add(s => s.Link, Link with { PendingSync = ["Email", "Phone"] }));

        summary.Find("[data-testid=pending-sync]").TextContent.ShouldContain("Email, Phone");
    }

    [Fact]
    public void Render_InStep_ShowsNoSyncState()
    {
        var summary = Render<XpmLinkSummary>(p => p.Add(s => s.Link, Link));

        summary.FindAll("[data-testid=pending-sync], [data-testid=archived-in-xpm], [data-testid=sync-error]").ShouldBeEmpty();
    }
}
