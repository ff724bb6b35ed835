using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.Infrastructure;

namespace Portal.Import.Plan;

/// <summary>
/// One read of a fetch against the portal's links gives the import its records to plan, those unchanged since the last
/// import, and the archive changes XPM asks of linked clients, ticked or not. A delta's few records read their own links;
/// a full read (over a thousand records) reads every link: both give the same split.
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
        split.ArchiveChanges.ShouldBe(new Dictionary<int, bool>
        {
            [links[archivedInXpm].Id] = true,
            [links[deletedInXpm].Id] = true,
            [links[restoredInXpm].Id] = false,
        }, ignoreOrder: true);
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
