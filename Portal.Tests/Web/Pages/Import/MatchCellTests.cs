using Bunit;
using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class MatchCellTests : PortalTestContext
{
    private readonly List<SuggestionDecision> _decisions = [];

    private static StagedClientRow Row(ClientMatchKind kind, string? reason, SuggestionDecision suggestion = SuggestionDecision.Pending) => new(
        Guid.NewGuid(), ClientKind.Person, "Ana Whitfield", null, "ana@example.com", null, "", false, kind, reason, suggestion, []);

    private IRenderedComponent<MatchCell> RenderCell(StagedClientRow row) =>
        Render<MatchCell>(p => p.Add(c => c.Row, row).Add(c => c.OnDecide, decision => _decisions.Add(decision)));

    private static List<string> Buttons(IRenderedComponent<MatchCell> cell) =>
        cell.FindAll("button").Select(b => b.TextContent.Trim()).ToList();

    [Fact]
    public void None_ShowsWillCreateWithTheReasonAsTitle()
    {
        var cell = RenderCell(Row(ClientMatchKind.None, "No portal client matches — a new client will be created"));

        cell.Find(".mud-chip").TextContent.Trim().ShouldBe("Will create");
        cell.Find(".mud-chip").GetAttribute("title").ShouldBe("No portal client matches — a new client will be created");
        Buttons(cell).ShouldBeEmpty();
    }

    [Fact]
    public void SuggestedPending_ShowsTheSuggestionWithBothAnswers()
    {
        var cell = RenderCell(Row(ClientMatchKind.Suggested, "Same name and phone 021 555 0199 — suggested, please confirm"));

        cell.Find(".mud-chip").TextContent.Trim().ShouldBe("Suggested match");
        cell.Markup.ShouldContain("Same name and phone 021 555 0199 — suggested, please confirm");
        Buttons(cell).ShouldBe(new[] { "Same client", "Different client" });
    }

    [Fact]
    public void SameClient_RaisesOnDecideAccepted()
    {
        var cell = RenderCell(Row(ClientMatchKind.Suggested, "Same name and date of birth 1 Feb 1980 — suggested, please confirm"));

        cell.FindAll("button").Single(b => b.TextContent.Trim() == "Same client").Click();

        _decisions.ShouldBe(new[] { SuggestionDecision.Accepted });
    }

    [Fact]
    public void DifferentClient_RaisesOnDecideRejected()
    {
        var cell = RenderCell(Row(ClientMatchKind.Suggested, "Same name and date of birth 1 Feb 1980 — suggested, please confirm"));

        cell.FindAll("button").Single(b => b.TextContent.Trim() == "Different client").Click();

        _decisions.ShouldBe(new[] { SuggestionDecision.Rejected });
    }

    [Fact]
    public void SuggestedAccepted_ShowsWillLinkAndOffersOnlyToUndo()
    {
        var cell = RenderCell(Row(ClientMatchKind.Suggested, "Same name and phone — suggested, please confirm", SuggestionDecision.Accepted));

        cell.Find(".mud-chip").TextContent.Trim().ShouldBe("Will link (accepted)");
        Buttons(cell).ShouldBe(new[] { "Different client" });
    }

    [Fact]
    public void SuggestedRejected_ShowsWillCreateAndOffersOnlyToAccept()
    {
        var cell = RenderCell(Row(ClientMatchKind.Suggested, "Same name and phone — suggested, please confirm", SuggestionDecision.Rejected));

        cell.Find(".mud-chip").TextContent.Trim().ShouldBe("Will create (rejected)");
        Buttons(cell).ShouldBe(new[] { "Same client" });
    }

    [Theory]
    [InlineData(ClientMatchKind.Linked, "Already linked to this XPM client")]
    [InlineData(ClientMatchKind.SameEmail, "Same email (ana@example.com) and name")]
    public void Matched_ShowsWillMatchWithTheReason(ClientMatchKind kind, string reason)
    {
        var cell = RenderCell(Row(kind, reason));

        cell.Find(".mud-chip").TextContent.Trim().ShouldBe("Will match");
        cell.Find(".mud-typography-caption").TextContent.ShouldBe(reason);
        Buttons(cell).ShouldBeEmpty();
    }
}
