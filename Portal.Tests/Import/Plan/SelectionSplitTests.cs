using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.Infrastructure;

namespace Portal.Import.Plan;

/// <summary>
/// One read of a fetch against the portal's links gives the import its records to plan, those unchanged since the last
/// import, those it will create, and the archive changes XPM asks of linked clients, ticked or not. A delta's few records
/// read their own links; a full read (over a thousand records) reads every link: both give the same split.
/// </summary>
public sealed class SelectionSplitTests
{
    private const long Context = 42;

    [Theory]
    [InlineData(0)]
    [InlineData(1_200)]
    public async Task SplitAsync_LinkedAndNewRecords_SplitsTheSelectionAndFindsEveryArchiveChange(int othersStaged)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var fetch = new ImportRun { PracticeId = database.PracticeId, Kind = ImportRunKind.Fetch, Status = ImportRunStatus.Succeeded, StartedBy = "Sam", CreatedAt = DateTime.UtcNow };
        db.Add(fetch);
        await db.SaveChangesAsync();

        var unchanged = Stage(fetch.Id, fingerprint: 7);
        var changedInXpm = Stage(fetch.Id, fingerprint: 8);
        var notLinked = Stage(fetch.Id, fingerprint: 9);
        var unticked = Stage(fetch.Id, fingerprint: 10, selected: false);
        var archivedInXpm = Stage(fetch.Id, fingerprint: 11, archived: true);
        var deletedInXpm = Stage(fetch.Id, fingerprint: 12, deleted: true, selected: false);
        var restoredInXpm = Stage(fetch.Id, fingerprint: 13);
        var others = Enumerable.Range(0, othersStaged).Select(i => Stage(fetch.Id, fingerprint: 100 + i)).ToList();
        db.AddRange([unchanged, changedInXpm, notLinked, unticked, archivedInXpm, deletedInXpm, restoredInXpm, .. others]);
        var links = new Dictionary<StagedClient, Client>
        {
            [unchanged] = Linked(database.PracticeId, unchanged.XpmUuid, ImportFingerprint.Combine(7, Context)),
            [changedInXpm] = Linked(database.PracticeId, changedInXpm.XpmUuid, ImportFingerprint.Combine(1, Context)),
            [unticked] = Linked(database.PracticeId, unticked.XpmUuid, ImportFingerprint.Combine(10, Context)),
            [archivedInXpm] = Linked(database.PracticeId, archivedInXpm.XpmUuid, null),
            [deletedInXpm] = Linked(database.PracticeId, deletedInXpm.XpmUuid, null),
            // Its last import saw it archived: another fingerprint.
            [restoredInXpm] = Linked(database.PracticeId, restoredInXpm.XpmUuid, ImportFingerprint.Combine(2, Context), archivedInXpm: true),
        };
        db.AddRange(links.Values);
        await db.SaveChangesAsync();

        var split = await SelectionPlanner.SplitAsync(db, fetch.Id, database.PracticeId, Context, CancellationToken.None);

        split.Unchanged.Select(u => u.StagedId).ShouldBe([unchanged.Id]);
        split.ToPlan.ShouldBe([changedInXpm.Id, notLinked.Id, restoredInXpm.Id, .. others.Select(o => o.Id)]);
        // Not linked and matched to nothing: created (the linked are not, whatever their staged match says).
        split.New.Keys.ShouldBe([notLinked.Id, .. others.Select(o => o.Id)], ignoreOrder: true);
        split.ArchiveChanges.ShouldBe(new Dictionary<int, bool>
        {
            [links[archivedInXpm].Id] = true,
            [links[deletedInXpm].Id] = true,
            [links[restoredInXpm].Id] = false,
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task SplitAsync_NothingLinkedYet_PlansTheTickedAndFindsThoseToCreate()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var fetch = new ImportRun { PracticeId = database.PracticeId, Kind = ImportRunKind.Fetch, Status = ImportRunStatus.Succeeded, StartedBy = "Sam", CreatedAt = DateTime.UtcNow };
        db.Add(fetch);
        await db.SaveChangesAsync();
        var portal = new Client { PracticeId = database.PracticeId, Kind = ClientKind.Person, Name = "Ana Whitfield", CreatedAt = DateTime.UtcNow };
        db.Add(portal);
        await db.SaveChangesAsync();

        var matchedToNothing = Stage(fetch.Id, fingerprint: 1);
        var entity = Stage(fetch.Id, fingerprint: 2);
        entity.Kind = ClientKind.Entity;
        var sameEmail = Stage(fetch.Id, fingerprint: 3);
        (sameEmail.MatchKind, sameEmail.MatchClientId) = (ClientMatchKind.SameEmail, portal.Id);
        var suggestionPending = Stage(fetch.Id, fingerprint: 4);
        (suggestionPending.MatchKind, suggestionPending.MatchClientId) = (ClientMatchKind.Suggested, portal.Id);
        var suggestionRejected = Stage(fetch.Id, fingerprint: 5);
        (suggestionRejected.MatchKind, suggestionRejected.MatchClientId, suggestionRejected.Suggestion) = (ClientMatchKind.Suggested, portal.Id, SuggestionDecision.Rejected);
        var blankName = Stage(fetch.Id, fingerprint: 6);
        blankName.Name = "  ";
        var unticked = Stage(fetch.Id, fingerprint: 7, selected: false);
        var archived = Stage(fetch.Id, fingerprint: 8, archived: true);
        db.AddRange([matchedToNothing, entity, sameEmail, suggestionPending, suggestionRejected, blankName, unticked, archived]);
        await db.SaveChangesAsync();

        var split = await SelectionPlanner.SplitAsync(db, fetch.Id, database.PracticeId, Context, CancellationToken.None);

        split.ToPlan.ShouldBe([matchedToNothing.Id, entity.Id, sameEmail.Id, suggestionPending.Id, suggestionRejected.Id, blankName.Id]);
        split.New.ShouldBe(new Dictionary<long, ClientKind>
        {
            [matchedToNothing.Id] = ClientKind.Person,
            [entity.Id] = ClientKind.Entity,
            [suggestionRejected.Id] = ClientKind.Person,
        }, ignoreOrder: true);
        split.Unchanged.ShouldBeEmpty();
        split.ArchiveChanges.ShouldBeEmpty();
    }

    private static StagedClient Stage(int runId, long fingerprint, bool selected = true, bool archived = false, bool deleted = false) => new()
    {
        RunId = runId, XpmUuid = Guid.NewGuid(), Kind = ClientKind.Person, Name = $"Client {fingerprint}", Fingerprint = fingerprint,
        IsSelected = selected, IsArchived = archived, IsDeleted = deleted,
    };

    private static Client Linked(int practiceId, Guid uuid, long? fingerprint, bool archivedInXpm = false) => new()
    {
        PracticeId = practiceId, Kind = ClientKind.Person, Name = "Linked", CreatedAt = DateTime.UtcNow,
        XpmLink = new XpmLink { XpmUuid = uuid, LinkedAt = DateTime.UtcNow, ImportFingerprint = fingerprint, IsArchivedInXpm = archivedInXpm },
    };
}
