using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Email;
using Portal.Core.Import;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;

namespace Portal.Import;

/// <summary>
/// The import's services on real SQLite without a host: a fetch is seeded as staged rows (as if XPM had been read),
/// matched as the fetch matches them, then reviewed, confirmed and applied by the real runner.
/// </summary>
internal sealed class ImportHarness : IAsyncDisposable
{
    private ImportHarness(TestDatabase database)
    {
        Database = database;
        User = FakeCurrentUser.Staff(database.PracticeId);
    }

    public TestDatabase Database { get; }

    public FakeCurrentUser User { get; }

    public ImportQueue Queue { get; } = new();

    public ImportProgress Progress { get; } = new();

    public ImportService Imports => new(Database, User, Queue, Progress, TimeProvider.System);

    public ImportReviewService Review => new(Database, User);

    public static async Task<ImportHarness> CreateAsync() => new(await TestDatabase.CreateAsync());

    /// <summary>A succeeded fetch holding <paramref name="rows"/> (staged rows; portal clients are added to the portal), matched against the portal.</summary>
    public Task<int> FetchAsync(params object[] rows) => FetchAsync(ImportDetailLevel.AllContactDetails, rows);

    public async Task<int> FetchAsync(ImportDetailLevel level, params object[] rows)
    {
        await using var db = Database.CreateDbContext();
        var run = new ImportRun
        {
            PracticeId = Database.PracticeId,
            Kind = ImportRunKind.Fetch,
            Status = ImportRunStatus.Succeeded,
            StartedBy = User.User.Name,
            CreatedAt = DateTime.UtcNow,
            FinishedAt = DateTime.UtcNow,
            DetailLevel = level,
        };
        db.Add(run);
        await db.SaveChangesAsync();
        foreach (var row in rows)
        {
            switch (row)
            {
                // As the fetch's mapping stages them: with the fingerprint of their values.
                case StagedClient client: (client.RunId, client.Fingerprint) = (run.Id, ImportFingerprint.Of(client)); break;
                case StagedStaff staff: staff.RunId = run.Id; break;
                case StagedRelationship relationship: relationship.RunId = run.Id; break;
                case Client client: client.PracticeId = Database.PracticeId; break;
            }

            db.Add(row);
        }

        await db.SaveChangesAsync();
        await FetchRunner.MatchStagedRecordsAsync(db, run.Id, Database.PracticeId, CancellationToken.None);
        return run.Id;
    }

    /// <summary>"Confirm and import data", then the worker's part: the runner applies the import.</summary>
    public async Task<ImportRun> ImportAsync(int fetchRunId)
    {
        var started = await Imports.StartImportAsync(fetchRunId);
        started.Error.ShouldBeNull();
        await RunAsync(started.Value);
        return await WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == started.Value));
    }

    public Task RunAsync(int importRunId) =>
        new ImportRunner(
                Database, Progress, new RunFinishedNotifier(new NoEmail(), NullLogger<RunFinishedNotifier>.Instance), Options.Create(new ImportOptions()),
                TimeProvider.System, NullLogger<ImportRunner>.Instance)
            .RunAsync(importRunId, "http://portal.test/", CancellationToken.None);

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = Database.CreateDbContext();
        return await query(db);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public static StagedClient Person(int n, string name, string? email = null, string? phone = null, bool selected = false) => new()
    {
        XpmUuid = ImportTestData.Uuid(n),
        Kind = ClientKind.Person,
        Name = name,
        FirstName = name.Split(' ')[0],
        LastName = name.Split(' ')[^1],
        BusinessStructure = BusinessStructures.Individual,
        Email = email,
        Phone = phone,
        IsSelected = selected,
    };

    public static StagedStaff Staff(int n, string name, bool selected = false) => new()
    {
        XpmUuid = ImportTestData.Uuid(1000 + n),
        Name = name,
        Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@practice.example",
        IsSelected = selected,
    };

    private sealed class NoEmail : IEmailSender
    {
        public Task<Result<EmailSent>> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
            Task.FromResult<Result<EmailSent>>(new EmailSent("test"));
    }
}
