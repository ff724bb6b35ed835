using Portal.Core.Import.Fetch;
using Portal.Core.Xpm.Models;
using static Portal.Import.ImportTestData;

namespace Portal.Import.Fetch;

public sealed class StaffMatcherTests
{
    [Fact]
    public void Match_StaffLinkedToTheUuid_ReturnsLinkedEvenWithAnotherEmail()
    {
        var matcher = new StaffMatcher(
        [
            new PortalStaffSnapshot(1, null, "Mere Tautahi", "mere@practice.example", null, null),
            new PortalStaffSnapshot(2, Uuid(1), "Mere T", "old@practice.example", null, null),
        ]);

        var match = matcher.Match(Staff(Uuid(1), "Mere Tautahi", "mere@practice.example"));

        match.ShouldBe(new StaffMatch(Uuid(1), StaffMatchKind.Linked, 2, "Already linked to this XPM staff member"));
    }

    [Fact]
    public void Match_SameEmailInAnotherCase_ReturnsSameEmail()
    {
        var matcher = new StaffMatcher([new PortalStaffSnapshot(3, null, "Mere", "mere@practice.example", null, null)]);

        var match = matcher.Match(Staff(Uuid(1), "Mere Tautahi", " Mere@Practice.Example "));

        (match.Kind, match.StaffMemberId).ShouldBe((StaffMatchKind.SameEmail, 3));
    }

    [Fact]
    public void Match_NoLinkOrEmail_ReturnsNone()
    {
        var matcher = new StaffMatcher([new PortalStaffSnapshot(3, null, "Mere Tautahi", "mere@practice.example", null, null)]);

        var match = matcher.Match(Staff(Uuid(1), "Mere Tautahi", null));

        (match.Kind, match.StaffMemberId).ShouldBe((StaffMatchKind.None, null));
    }

    [Fact]
    public void Match_StaffLinkedToAnotherUuid_IsNotMatchedByEmail()
    {
        var matcher = new StaffMatcher([new PortalStaffSnapshot(4, Uuid(9), "Mere Tautahi", "mere@practice.example", null, null)]);

        var match = matcher.Match(Staff(Uuid(1), "Mere Tautahi", "mere@practice.example"));

        match.Kind.ShouldBe(StaffMatchKind.None);
    }

    [Fact]
    public void MatchAll_TwoXpmStaffWithOneEmail_OnlyTheLowerUuidGetsThePortalStaffMember()
    {
        var matcher = new StaffMatcher([new PortalStaffSnapshot(5, null, "Front Desk", "desk@practice.example", null, null)]);

        var matches = matcher.MatchAll([Staff(Uuid(2), "Desk B", "desk@practice.example"), Staff(Uuid(1), "Desk A", "desk@practice.example")]);

        matches.Select(m => (m.Kind, m.StaffMemberId)).ShouldBe([(StaffMatchKind.None, null), (StaffMatchKind.SameEmail, 5)]);
        matches[0].Reason.ShouldContain("Desk A");
    }

    private static XpmStaff Staff(Guid uuid, string name, string? email) => new() { Uuid = uuid, Name = name, Email = email };
}
