using System.Diagnostics;
using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using static Portal.Import.ImportTestData;

namespace Portal.Import.Fetch;

public sealed class ClientMatcherTests
{
    [Fact]
    public void Match_PortalClientLinkedToTheUuid_ReturnsLinked()
    {
        var matcher = new ClientMatcher([InPortal(7, "Ana Whitfield", linkedTo: Uuid(1))]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield"));

        match.ShouldBe(new ClientMatch(Uuid(1), ClientMatchKind.Linked, 7, "Already linked to this XPM client"));
    }

    [Fact]
    public void Match_LinkAndSameEmailPointToDifferentClients_LinkWins()
    {
        var matcher = new ClientMatcher(
        [
            InPortal(1, "Ana Whitfield", email: "ana@kowhai.example"),
            InPortal(2, "Ana W", linkedTo: Uuid(1)),
        ]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", email: "ana@kowhai.example"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.Linked, 2));
    }

    [Fact]
    public void Match_UuidSpelledInAnotherCase_ReturnsLinked()
    {
        var matcher = new ClientMatcher([InPortal(3, "Ana Whitfield", linkedTo: Guid.Parse("869DC8B3-C1DA-4820-94A3-4C8B2BB1B9FB"))]);

        var match = matcher.Match(InXpm(Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb"), "Ana Whitfield"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.Linked, 3));
    }

    [Fact]
    public void Match_SameEmailAndName_ReturnsSameEmail()
    {
        var matcher = new ClientMatcher([InPortal(4, "Ana Whitfield", email: "ana@kowhai.example")]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", email: "ana@kowhai.example"));

        match.ShouldBe(new ClientMatch(Uuid(1), ClientMatchKind.SameEmail, 4, "Same email (ana@kowhai.example) and name"));
    }

    [Theory]
    [InlineData("Chloé Dubois", "Chloe Dubois")]
    [InlineData("Seán O'Brien", "Sean OBrien")]
    [InlineData("ANA  WHITFIELD", "ana whitfield")]
    [InlineData("  Ana Whitfield ", "Ana Whitfield")]
    [InlineData("Mary-Jane Smith", "Mary Jane Smith")]
    [InlineData("Zoë Łukasik", "Zoe Lukasik")]
    public void Match_SameEmailAndNameSpelledDifferently_ReturnsSameEmail(string xpmName, string portalName)
    {
        var matcher = new ClientMatcher([InPortal(5, portalName, email: "family@kowhai.example")]);

        var match = matcher.Match(InXpm(Uuid(1), xpmName, email: "family@kowhai.example"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.SameEmail, 5));
    }

    [Fact]
    public void Match_EmailDiffersInCaseAndSpaces_ReturnsSameEmail()
    {
        var matcher = new ClientMatcher([InPortal(5, "Ana Whitfield", email: "ana@kowhai.example")]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", email: "  ANA@Kowhai.Example "));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.SameEmail, 5));
    }

    [Fact]
    public void Match_SameFirstAndLastNameButDifferentFullName_ReturnsSameEmail()
    {
        var matcher = new ClientMatcher([InPortal(6, "Ana M. Whitfield", email: "ana@kowhai.example", firstName: "Ana", lastName: "Whitfield")]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield (Orchards)", email: "ana@kowhai.example", firstName: "Ana", lastName: "Whitfield"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.SameEmail, 6));
    }

    [Fact]
    public void Match_PortalClientWithoutFirstAndLastName_IsComparedByName()
    {
        var matcher = new ClientMatcher([InPortal(6, "Ana Whitfield", email: "ana@kowhai.example")]);

        var match = matcher.Match(InXpm(Uuid(1), "Whitfield, Ana", email: "ana@kowhai.example", firstName: "Ana", lastName: "Whitfield"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.SameEmail, 6));
    }

    [Fact]
    public void Match_SameEmailButDifferentName_ReturnsNoneWithTheReason()
    {
        var matcher = new ClientMatcher([InPortal(8, "Ana Whitfield", email: "home@whitfield.example")]);

        var match = matcher.Match(InXpm(Uuid(1), "Ben Whitfield", email: "home@whitfield.example"));

        match.Kind.ShouldBe(ClientMatchKind.None);
        match.ClientId.ShouldBeNull();
        match.Reason.ShouldContain("different name");
    }

    [Fact]
    public void MatchAll_HouseholdEmailSharedByTwoPeople_OnlyTheSamePersonIsMerged()
    {
        var matcher = new ClientMatcher([InPortal(8, "Ana Whitfield", email: "home@whitfield.example")]);

        var matches = matcher.MatchAll(
        [
            InXpm(Uuid(1), "Ben Whitfield", email: "home@whitfield.example"),
            InXpm(Uuid(2), "Ana Whitfield", email: "home@whitfield.example"),
        ]);

        matches.Select(m => (m.Kind, m.ClientId)).ShouldBe([(ClientMatchKind.None, null), (ClientMatchKind.SameEmail, 8)]);
    }

    [Fact]
    public void Match_EmailOfSeveralPortalClients_TakesTheOneWithACompatibleName()
    {
        var matcher = new ClientMatcher(
        [
            InPortal(1, "Ben Whitfield", email: "home@whitfield.example"),
            InPortal(2, "Ana Whitfield", email: "home@whitfield.example"),
        ]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", email: "home@whitfield.example"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.SameEmail, 2));
    }

    [Fact]
    public void Match_SameNameAndPhoneDigits_ReturnsSuggested()
    {
        var matcher = new ClientMatcher([InPortal(9, "Ana Whitfield", phone: "(06) 555-0142")]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", phone: "06 555 0142"));

        match.ShouldBe(new ClientMatch(Uuid(1), ClientMatchKind.Suggested, 9, "Same name and phone 06 555 0142 — suggested, please confirm"));
    }

    [Fact]
    public void Match_SameNameAndXpmPhoneIsPortalMobile_ReturnsSuggested()
    {
        var matcher = new ClientMatcher([InPortal(9, "Ana Whitfield", mobile: "021 555 0199")]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", phone: "0215550199"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.Suggested, 9));
    }

    [Fact]
    public void Match_SameNameAndDateOfBirth_ReturnsSuggested()
    {
        var matcher = new ClientMatcher([InPortal(9, "Ana Whitfield", dateOfBirth: new DateOnly(1980, 2, 3))]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", dateOfBirth: new DateOnly(1980, 2, 3)));

        match.ShouldBe(new ClientMatch(Uuid(1), ClientMatchKind.Suggested, 9, "Same name and date of birth 1980-02-03 — suggested, please confirm"));
    }

    [Fact]
    public void Match_SameNameAndDifferentEmail_StillSuggestsOnPhone()
    {
        var matcher = new ClientMatcher([InPortal(9, "Ana Whitfield", email: "old@ana.example", phone: "06 555 0142")]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", email: "new@ana.example", phone: "06 555 0142"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.Suggested, 9));
    }

    [Fact]
    public void Match_SameNameOnly_ReturnsNone()
    {
        var matcher = new ClientMatcher([InPortal(9, "Ana Whitfield", phone: "06 555 0142", dateOfBirth: new DateOnly(1980, 2, 3))]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", phone: "06 555 9999", dateOfBirth: new DateOnly(1981, 2, 3)));

        match.Kind.ShouldBe(ClientMatchKind.None);
        match.Reason.ShouldContain("Same name as Ana Whitfield but no phone, mobile or date of birth in common");
    }

    [Fact]
    public void Match_SameNameAndTooFewPhoneDigits_ReturnsNone()
    {
        var matcher = new ClientMatcher([InPortal(9, "Ana Whitfield", phone: "ext 12")]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", phone: "12"));

        match.Kind.ShouldBe(ClientMatchKind.None);
    }

    [Fact]
    public void Match_NothingInCommon_ReturnsNone()
    {
        var matcher = new ClientMatcher([InPortal(9, "Ana Whitfield", email: "ana@kowhai.example")]);

        var match = matcher.Match(InXpm(Uuid(1), "Tasman Dental Group", email: "desk@tasman.example"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.None, null));
    }

    [Fact]
    public void Match_PortalClientLinkedToAnotherUuid_IsNeverMatchedByEmailOrName()
    {
        var matcher = new ClientMatcher(
        [
            InPortal(10, "Ana Whitfield", email: "ana@kowhai.example", phone: "06 555 0142", linkedTo: Uuid(99)),
        ]);

        var match = matcher.Match(InXpm(Uuid(1), "Ana Whitfield", email: "ana@kowhai.example", phone: "06 555 0142"));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.None, null));
    }

    [Theory]
    [InlineData(ClientKind.Person, ClientKind.Entity)]
    [InlineData(ClientKind.Entity, ClientKind.Person)]
    public void Match_PersonAndEntityWithSameEmailNameAndPhone_NeverMatch(ClientKind portalKind, ClientKind xpmKind)
    {
        var matcher = new ClientMatcher([InPortal(11, "Whitfield Family", email: "home@whitfield.example", phone: "06 555 0142", kind: portalKind)]);

        var match = matcher.Match(InXpm(Uuid(1), "Whitfield Family", email: "home@whitfield.example", phone: "06 555 0142", kind: xpmKind));

        match.Kind.ShouldBe(ClientMatchKind.None);
    }

    [Fact]
    public void Match_EntityWithSameEmailAndName_ReturnsSameEmail()
    {
        var matcher = new ClientMatcher([InPortal(12, "Kowhai Ridge Orchards Ltd", email: "office@kowhai.example", kind: ClientKind.Entity)]);

        var match = matcher.Match(InXpm(Uuid(1), "Kowhai Ridge Orchards Ltd.", email: "office@kowhai.example", kind: ClientKind.Entity));

        (match.Kind, match.ClientId).ShouldBe((ClientMatchKind.SameEmail, 12));
    }

    [Fact]
    public void MatchAll_TwoXpmClientsClaimOnePortalClient_TheLowerUuidGetsItAndTheOtherIsCreated()
    {
        var matcher = new ClientMatcher([InPortal(13, "Ana Whitfield", email: "ana@kowhai.example")]);

        var matches = matcher.MatchAll(
        [
            InXpm(Uuid(2), "Ana Whitfield", email: "ana@kowhai.example"),
            InXpm(Uuid(1), "Ana Whitfield", email: "ana@kowhai.example"),
        ]);

        (matches[1].Kind, matches[1].ClientId).ShouldBe((ClientMatchKind.SameEmail, 13));
        (matches[0].Kind, matches[0].ClientId).ShouldBe((ClientMatchKind.None, null));
        matches[0].Reason.ShouldContain($"as XPM client Ana Whitfield ({Uuid(1)}), which takes it");
    }

    [Fact]
    public void MatchAll_SameEmailClaimAndSuggestionForOnePortalClient_SameEmailWinsWhateverTheUuidOrder()
    {
        var matcher = new ClientMatcher([InPortal(14, "Ana Whitfield", email: "ana@kowhai.example", phone: "06 555 0142")]);

        var matches = matcher.MatchAll(
        [
            InXpm(Uuid(1), "Ana Whitfield", email: "other@kowhai.example", phone: "06 555 0142"),
            InXpm(Uuid(2), "Ana Whitfield", email: "ana@kowhai.example"),
        ]);

        matches.Select(m => (m.Kind, m.ClientId)).ShouldBe([(ClientMatchKind.None, null), (ClientMatchKind.SameEmail, 14)]);
    }

    [Fact]
    public void MatchAll_LinkedClientAlsoWantedByEmail_StaysWithItsLinkAndTheOtherIsCreated()
    {
        var matcher = new ClientMatcher([InPortal(15, "Ana Whitfield", email: "ana@kowhai.example", linkedTo: Uuid(2))]);

        var matches = matcher.MatchAll(
        [
            InXpm(Uuid(1), "Ana Whitfield", email: "ana@kowhai.example"),
            InXpm(Uuid(2), "Ana Whitfield", email: "ana@kowhai.example"),
        ]);

        matches.Select(m => (m.Kind, m.ClientId)).ShouldBe([(ClientMatchKind.None, null), (ClientMatchKind.Linked, 15)]);
    }

    [Fact]
    public void MatchAll_LoserHasAnotherCandidate_TakesIt()
    {
        var matcher = new ClientMatcher(
        [
            InPortal(16, "Ana Whitfield", email: "ana@kowhai.example"),
            InPortal(17, "Ana Whitfield", email: "ana@kowhai.example"),
        ]);

        var matches = matcher.MatchAll(
        [
            InXpm(Uuid(1), "Ana Whitfield", email: "ana@kowhai.example"),
            InXpm(Uuid(2), "Ana Whitfield", email: "ana@kowhai.example"),
        ]);

        matches.Select(m => (m.Kind, m.ClientId)).ShouldBe([(ClientMatchKind.SameEmail, 16), (ClientMatchKind.SameEmail, 17)]);
    }

    [Fact]
    public void MatchAll_SameXpmUuidTwice_Throws()
    {
        var matcher = new ClientMatcher([]);

        Should.Throw<ArgumentException>(() => matcher.MatchAll([InXpm(Uuid(1), "Ana Whitfield"), InXpm(Uuid(1), "Ana Whitfield")]));
    }

    [Fact]
    public void MatchAll_TwentyThousandAgainstTwentyThousand_MatchesEveryRuleQuickly()
    {
        const int count = 20_000;
        var portal = Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => InPortal(i + 1, $"Linked Person{i}", linkedTo: Uuid(i + 1)),
            1 => InPortal(i + 1, $"Email Person{i}", email: $"person{i}@mail.example"),
            2 => InPortal(i + 1, $"Phone Person{i}", phone: $"06 555 {i:D5}"),
            _ => InPortal(i + 1, $"Portal Only{i}", email: $"only{i}@mail.example"),
        }).ToList();
        var xpm = Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => InXpm(Uuid(i + 1), $"Linked Person{i}"),
            1 => InXpm(Uuid(i + 1), $"Email Person{i}", email: $"PERSON{i}@mail.example"),
            2 => InXpm(Uuid(i + 1), $"Phone Person{i}", phone: $"(06) 555-{i:D5}"),
            _ => InXpm(Uuid(i + 1), $"Xpm Only{i}", email: $"new{i}@mail.example"),
        }).ToList();
        var stopwatch = Stopwatch.StartNew();

        var matches = new ClientMatcher(portal).MatchAll(xpm);

        stopwatch.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"Indexed and matched {count} against {count} in {stopwatch.ElapsedMilliseconds} ms");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        matches.CountBy(m => m.Kind).ToDictionary().ShouldBe(new Dictionary<ClientMatchKind, int>
        {
            [ClientMatchKind.Linked] = count / 4,
            [ClientMatchKind.SameEmail] = count / 4,
            [ClientMatchKind.Suggested] = count / 4,
            [ClientMatchKind.None] = count / 4,
        }, ignoreOrder: true);
        matches.Where(m => m.ClientId is not null).ShouldAllBe(m => m.ClientId == ClientIdFor(m.XpmUuid));
    }

    // Uuid(n) carries n in its first four bytes, and the scale test gives XPM client n the portal client n.
    private static int ClientIdFor(Guid uuid) => BitConverter.ToInt32(uuid.ToByteArray(), 0);
}
