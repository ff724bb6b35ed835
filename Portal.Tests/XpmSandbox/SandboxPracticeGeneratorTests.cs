using System.Diagnostics;
using System.Text.Json;

namespace Portal.XpmSandbox;

public sealed class SandboxPracticeGeneratorTests
{
    private static readonly Lazy<SandboxPracticeState> Practice = new(() => SandboxPracticeGenerator.Generate(seed: 7, clients: 2_000, staff: 25));

    private static SandboxPracticeState State => Practice.Value;

    [Fact]
    public void Generate_SameSeed_GivesTheSameData()
    {
        var first = SandboxPracticeGenerator.Generate(seed: 42, clients: 500, staff: 25);
        var second = SandboxPracticeGenerator.Generate(seed: 42, clients: 500, staff: 25);

        Serialize(second).ShouldBe(Serialize(first));
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentDataButTheSameWellKnownRecords()
    {
        var first = SandboxPracticeGenerator.Generate(seed: 1, clients: 100, staff: 10);
        var second = SandboxPracticeGenerator.Generate(seed: 2, clients: 100, staff: 10);

        Serialize(second).ShouldNotBe(Serialize(first));
        second.Clients.Find(SandboxWellKnown.AnaWhitfield)!.Name.ShouldBe(first.Clients.Find(SandboxWellKnown.AnaWhitfield)!.Name);
        second.Staff[0].ShouldBe(first.Staff[0]);
    }

    [Theory]
    [InlineData(20, 2)]
    [InlineData(300, 25)]
    [InlineData(1_234, 40)]
    public void Generate_HasExactlyTheRequestedNumbersOfClientsAndStaff(int clients, int staff)
    {
        var state = SandboxPracticeGenerator.Generate(seed: 3, clients, staff);

        state.Clients.Count.ShouldBe(clients);
        state.Staff.Count.ShouldBe(staff);
        state.Clients.Select(c => c.Uuid).Distinct().Count().ShouldBe(clients);
        state.Clients.Select(c => c.InternalId).ShouldBe(Enumerable.Range(SandboxPracticeGenerator.FirstInternalId, clients));
    }

    [Fact]
    public void Generate_AnaWhitfield_IsAnIndividualWithAUniqueEmailDirectingKowhaiRidge()
    {
        var ana = State.Clients.Find(SandboxWellKnown.AnaWhitfield)!;
        var kowhai = State.Clients.Find(SandboxWellKnown.KowhaiRidgeOrchards)!;

        ana.Name.ShouldBe("Ana Whitfield");
        (ana.FirstName, ana.LastName, ana.BusinessStructure).ShouldBe(("Ana", "Whitfield", SandboxBusinessStructures.Individual));
        ana.Email.ShouldBe(SandboxWellKnown.AnaWhitfieldEmail);
        State.Clients.Count(c => string.Equals(c.Email, ana.Email, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        ana.AccountManagerUuid.ShouldBe(SandboxWellKnown.MereTautahi);
        ana.JobManagerUuid.ShouldBe(SandboxWellKnown.SioneFifita);
        kowhai.Name.ShouldBe(SandboxWellKnown.KowhaiRidgeOrchardsName);
        kowhai.BusinessStructure.ShouldBe(SandboxBusinessStructures.Company);
        kowhai.Relationships.ShouldContain(r => r.Type == "Director" && r.RelatedClientUuid == ana.Uuid);
        kowhai.Relationships.ShouldContain(r => r.Type == "Shareholder" && r.RelatedClientUuid == ana.Uuid && r.NumberOfShares == 500);
        ana.Relationships.ShouldContain(r => r.Uuid == SandboxWellKnown.AnaDirectorOfKowhai && r.IsReverse && r.RelatedClientUuid == kowhai.Uuid);
        kowhai.AccountManagerUuid.ShouldNotBeNull();
        kowhai.JobManagerUuid.ShouldNotBeNull();
    }

    [Fact]
    public void Generate_PeopleHaveNamesAndBirthDatesAndEntitiesHaveEveryStructure()
    {
        var people = State.Clients.Where(c => c.IsIndividual).ToList();
        var entities = State.Clients.Where(c => !c.IsIndividual).ToList();

        people.Count.ShouldBeGreaterThan(entities.Count / 2);
        people.ShouldAllBe(p => p.FirstName != null && p.LastName != null && p.DateOfBirth != null && p.Name == p.FirstName + " " + p.LastName);
        entities.ShouldAllBe(e => e.FirstName == null && e.DateOfBirth == null);
        entities.Select(e => e.BusinessStructure).Distinct().ShouldBe(SandboxBusinessStructures.Entities, ignoreOrder: true);
    }

    [Fact]
    public void Generate_RelationshipsLinkEntitiesAndPeopleOnBothSides()
    {
        var relationships = State.Clients.SelectMany(c => c.Relationships.Select(r => (Owner: c, Relationship: r))).ToList();

        relationships.ShouldAllBe(x => State.Clients.Find(x.Relationship.RelatedClientUuid) != null);
        foreach (var (owner, relationship) in relationships.Where(x => !x.Relationship.IsReverse && !x.Owner.IsIndividual))
        {
            State.Clients.Find(relationship.RelatedClientUuid)!.Relationships
                .ShouldContain(r => r.Uuid == relationship.Uuid && r.IsReverse && r.RelatedClientUuid == owner.Uuid);
        }

        var types = relationships.Select(x => x.Relationship.Type).ToHashSet();
        string[] expected = ["Director", "Shareholder", "Trustee", "Beneficiary", "Partner", "Member", "Owner", "Spouse", "Parent Of", "Child Of"];
        expected.ShouldBeSubsetOf(types);
        relationships.Where(x => x.Relationship.Type == "Shareholder").ShouldAllBe(x => x.Relationship.NumberOfShares > 0);
        relationships.Where(x => x.Relationship.Type == "Partner").ShouldAllBe(x => x.Relationship.Percentage > 0);
    }

    [Fact]
    public void Generate_LinksPointAtExistingStaffContactsGroupsAndClients()
    {
        State.Clients.Where(c => c.AccountManagerUuid != null).ShouldAllBe(c => State.Staff.Find(c.AccountManagerUuid!.Value) != null);
        State.Clients.Where(c => c.JobManagerUuid != null).ShouldAllBe(c => State.Staff.Find(c.JobManagerUuid!.Value) != null);
        State.Clients.Where(c => c.BillingClientUuid != null).ShouldAllBe(c => State.Clients.Find(c.BillingClientUuid!.Value) != null);
        State.Clients.SelectMany(c => c.Contacts).ShouldAllBe(l => State.Contacts.Find(l.ContactUuid) != null);
        State.Clients.SelectMany(c => c.Groups).ShouldAllBe(g => State.Groups.Find(g) != null);
        State.Clients.Where(c => c.Contacts.Length > 0).ShouldAllBe(c => c.Contacts.Count(l => l.IsPrimary) <= 1);
        State.Clients.ShouldContain(c => c.AccountManagerUuid == null);
    }

    [Fact]
    public void Generate_HasTheAwkwardDataRealPracticesHave()
    {
        var clients = State.Clients.ToList();

        clients.ShouldContain(c => c.Name.Contains('\''));
        clients.ShouldContain(c => c.Name.Contains(" & "));
        clients.ShouldContain(c => c.Name.Any(ch => ch > 127));
        clients.ShouldContain(c => c.Name.Contains('ā') || c.Name.Contains('ū'));
        clients.ShouldContain(c => c.Name == SandboxWellKnown.ChloeDubois);
        clients.ShouldContain(c => c.Email == null);
        clients.ShouldContain(c => c.Email == "");
        clients.ShouldContain(c => c.Address.Contains('\n'));
        clients.Count(c => c.IsArchived).ShouldBeGreaterThan(1);
        clients.Count(c => c.IsDeleted).ShouldBeGreaterThan(1);
        clients.ShouldContain(c => c.IsProspect);
        clients.ShouldContain(c => c.Tax == null);
        clients.ShouldContain(c => c.Tax != null && c.Tax.BankName == null);
        clients.ShouldContain(c => c.Notes.Any(n => n.Text.Contains('\n')));
    }

    [Fact]
    public void Generate_HouseholdsShareAnEmailButOtherwiseEmailsAreUnique()
    {
        var shared = State.Clients.Where(c => !string.IsNullOrEmpty(c.Email)).GroupBy(c => c.Email!.ToLowerInvariant()).Where(g => g.Count() > 1).ToList();

        shared.Count.ShouldBeGreaterThan(1);
        shared.ShouldContain(g => g.Key == SandboxWellKnown.NgataiHouseholdEmail);
        shared.ShouldAllBe(g => g.All(c => c.IsIndividual) && g.Select(c => c.LastName).Distinct().Count() == 1 && g.Select(c => c.FirstName).Distinct().Count() == g.Count());
    }

    [Fact]
    public void Generate_SomeContactsAreSharedByTwoOrMoreClients()
    {
        var shared = State.Clients.SelectMany(c => c.Contacts.Select(l => (l.ContactUuid, c.Uuid))).GroupBy(x => x.ContactUuid).Where(g => g.Count() > 1).ToList();

        shared.Count.ShouldBeGreaterThan(5);
        State.Contacts.Find(shared[0].Key).ShouldNotBeNull();
        var pita = State.Contacts.Single(c => c.Name == SandboxWellKnown.SharedBookkeeperContact);
        string[] holders = [SandboxWellKnown.KowhaiRidgeOrchardsName, SandboxWellKnown.TuhoeValleyHoney];
        holders.ShouldBeSubsetOf(State.ClientsOfContact(pita.Uuid).Select(c => c.Name));
    }

    [Fact]
    public void Generate_FamiliesFormGroupsWithSeveralMembers()
    {
        var members = State.Groups.ToDictionary(g => g.Uuid, g => State.ClientsInGroup(g.Uuid).Count());

        members.Values.ShouldAllBe(count => count >= 2);
        State.Groups.ShouldContain(g => g.Name.EndsWith(" Family"));
    }

    [Fact]
    public void Generate_ModifiedTimesSpreadOverTheDocumentedRange()
    {
        var modified = State.Clients.Select(c => c.Modified).ToList();

        modified.ShouldAllBe(m => m >= SandboxPracticeGenerator.ModifiedFrom && m < SandboxPracticeGenerator.ModifiedUntil && m.Kind == DateTimeKind.Utc);
        modified.Distinct().Count().ShouldBeGreaterThan(State.Clients.Count * 9 / 10);
    }

    [Fact]
    public void Generate_FiftyThousandClients_TakesSeconds()
    {
        var stopwatch = Stopwatch.StartNew();

        var state = SandboxPracticeGenerator.Generate(seed: 11, clients: 50_000, staff: 25);

        stopwatch.Stop();
        state.Clients.Count.ShouldBe(50_000);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void Generate_WithoutWellKnownRecords_MakesAnUnrelatedSmallPractice()
    {
        var state = SandboxPracticeGenerator.Generate(seed: 5, clients: 5, staff: 1, wellKnown: false, firstInternalId: 5_100_001);

        state.Clients.Count.ShouldBe(5);
        state.Clients.Find(SandboxWellKnown.AnaWhitfield).ShouldBeNull();
        state.Clients[0].InternalId.ShouldBe(5_100_001);
    }

    [Fact]
    public void Generate_TooFewClientsForTheWellKnownRecords_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SandboxPracticeGenerator.Generate(seed: 1, clients: 19, staff: 25));
    }

    private static string Serialize(SandboxPracticeState state) =>
        JsonSerializer.Serialize(new { Staff = state.Staff.ToList(), Clients = state.Clients.ToList(), Contacts = state.Contacts.ToList(), Groups = state.Groups.ToList() });
}
