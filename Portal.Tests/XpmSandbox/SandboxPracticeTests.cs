using Microsoft.Extensions.Time.Testing;

namespace Portal.XpmSandbox;

public sealed class SandboxPracticeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void UpdateClient_StampsTheModifiedTimeAndKeepsTheIdentity()
    {
        var practice = NewPractice();
        var before = practice.FindClient(SandboxWellKnown.AnaWhitfield)!;

        var updated = practice.UpdateClient(before.Uuid, c => c with { Phone = "021 000 0000", Uuid = Guid.NewGuid(), InternalId = 1 })!;

        updated.Phone.ShouldBe("021 000 0000");
        updated.Uuid.ShouldBe(before.Uuid);
        updated.InternalId.ShouldBe(before.InternalId);
        updated.Modified.ShouldBe(new DateTime(2026, 4, 1, 12, 0, 0, DateTimeKind.Utc));
        practice.FindClient(before.Uuid)!.Phone.ShouldBe("021 000 0000");
    }

    [Fact]
    public void UpdateClient_UnknownUuid_ReturnsNull()
    {
        NewPractice().UpdateClient(Guid.NewGuid(), c => c).ShouldBeNull();
    }

    [Fact]
    public void AddClient_AssignsUuidNextInternalIdAndModifiedTime()
    {
        var practice = NewPractice();
        var last = practice.Current.Clients[^1].InternalId;

        var added = practice.AddClient(new SandboxClient { Name = "Fresh Start Ltd", BusinessStructure = SandboxBusinessStructures.Company });

        added.Uuid.ShouldNotBe(Guid.Empty);
        added.InternalId.ShouldBe(last + 1);
        added.Modified.ShouldBe(_time.GetUtcNow().UtcDateTime);
        practice.Current.Clients[^1].ShouldBe(added);
    }

    [Fact]
    public void ArchiveAndDelete_FlagTheClientButKeepIt()
    {
        var practice = NewPractice();
        var count = practice.Current.Clients.Count;

        practice.ArchiveClient(SandboxWellKnown.AnaWhitfield);
        practice.DeleteClient(SandboxWellKnown.KowhaiRidgeOrchards);

        practice.Current.Clients.Count.ShouldBe(count);
        practice.FindClient(SandboxWellKnown.AnaWhitfield)!.IsArchived.ShouldBeTrue();
        practice.FindClient(SandboxWellKnown.KowhaiRidgeOrchards)!.IsDeleted.ShouldBeTrue();
    }

    [Fact]
    public void Snapshot_TakenBeforeAChange_DoesNotSeeIt()
    {
        var practice = NewPractice();
        var snapshot = practice.Current;

        practice.UpdateClient(SandboxWellKnown.AnaWhitfield, c => c with { Name = "Ana Whitfield-Renamed" });

        snapshot.Clients.Find(SandboxWellKnown.AnaWhitfield)!.Name.ShouldBe("Ana Whitfield");
        practice.FindClient(SandboxWellKnown.AnaWhitfield)!.Name.ShouldBe("Ana Whitfield-Renamed");
    }

    [Fact]
    public async Task ConcurrentChanges_AreAllKept()
    {
        var practice = NewPractice();
        var uuids = practice.Current.Clients.Select(c => c.Uuid).ToList();

        await Task.WhenAll(uuids.Select(uuid => Task.Run(() => practice.UpdateClient(uuid, c => c with { ReferralSource = "Parallel" }))));
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => practice.AddClient(new SandboxClient { Name = $"Parallel {i} Ltd" }))));

        practice.Current.Clients.Take(uuids.Count).ShouldAllBe(c => c.ReferralSource == "Parallel");
        practice.Current.Clients.Count.ShouldBe(uuids.Count + 50);
        practice.Current.Clients.Select(c => c.InternalId).Distinct().Count().ShouldBe(uuids.Count + 50);
    }

    [Fact]
    public void UpdateContact_OnAClientLink_SetsPositionAndDemotesTheOtherPrimary()
    {
        var practice = NewPractice();
        var pita = practice.Current.Contacts.Single(c => c.Name == SandboxWellKnown.SharedBookkeeperContact).Uuid;

        practice.UpdateContact(pita, c => c with { Phone = "07 000 0000" }, SandboxWellKnown.KowhaiRidgeOrchards, "Accountant", isPrimary: true);

        var links = practice.FindClient(SandboxWellKnown.KowhaiRidgeOrchards)!.Contacts;
        links.Single(l => l.ContactUuid == pita).ShouldBe(new SandboxContactLink(pita, "Accountant", true));
        links.Single(l => l.ContactUuid == SandboxWellKnown.AnaWhitfieldContact).IsPrimary.ShouldBeFalse();
        practice.Current.Contacts.Find(pita)!.Phone.ShouldBe("07 000 0000");
    }

    [Fact]
    public void ContactChanges_TouchLinkedClientsOnlyWhenSwitchedOn()
    {
        var quiet = NewPractice();
        var touching = NewPractice(contactChangesTouchClients: true);
        var before = quiet.FindClient(SandboxWellKnown.KowhaiRidgeOrchards)!.Modified;

        quiet.UpdateContact(SandboxWellKnown.AnaWhitfieldContact, c => c with { Mobile = "021 111 1111" });
        touching.UpdateContact(SandboxWellKnown.AnaWhitfieldContact, c => c with { Mobile = "021 111 1111" });

        quiet.FindClient(SandboxWellKnown.KowhaiRidgeOrchards)!.Modified.ShouldBe(before);
        touching.FindClient(SandboxWellKnown.KowhaiRidgeOrchards)!.Modified.ShouldBe(_time.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public void RemoveContact_WithoutAClient_MarksItDeletedAndUnlinksItEverywhere()
    {
        var practice = NewPractice();
        var pita = practice.Current.Contacts.Single(c => c.Name == SandboxWellKnown.SharedBookkeeperContact).Uuid;

        practice.RemoveContact(pita);

        practice.Current.Contacts.Find(pita)!.IsDeleted.ShouldBeTrue();
        practice.Current.ClientsOfContact(pita).ShouldBeEmpty();
    }

    [Fact]
    public void Reset_ThrowsAwayEveryChange()
    {
        var practice = NewPractice();
        practice.UpdateClient(SandboxWellKnown.AnaWhitfield, c => c with { Name = "Changed" });
        practice.AddClient(new SandboxClient { Name = "Extra Ltd" });

        practice.Reset();

        practice.FindClient(SandboxWellKnown.AnaWhitfield)!.Name.ShouldBe("Ana Whitfield");
        practice.Current.Clients.Count.ShouldBe(60);
    }

    private SandboxPractice NewPractice(bool contactChangesTouchClients = false) =>
        new(Guid.NewGuid(), "Test Practice", () => SandboxPracticeGenerator.Generate(seed: 9, clients: 60, staff: 5), _time, contactChangesTouchClients);
}
