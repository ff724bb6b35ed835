using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Core.Email;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Import.Undo;
using Portal.Infrastructure;

namespace Portal.Import.Apply;

/// <summary>
/// An import stopped after some batches (a killed process, as the worker sees it: the run row left Running) and then
/// resumed or undone, on real SQLite: the outcome file, the counts and the undo all cover what every attempt did.
/// </summary>
public sealed class ResumedImportOutcomeTests
{
    private const int BatchSize = 2;

    [Fact]
    public async Task Resume_AfterAnAttemptStoppedMidway_OutcomesAndCountsCoverBothAttempts()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var runId = await StartImportOfFiveAsync(harness);
        await StopAfterFirstClientBatchAsync(harness, runId);

        await Runner(harness).RunAsync(runId, "http://portal.test/", CancellationToken.None);

        var run = await harness.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));
        (run.Status, run.Attempts, run.Created, run.Skipped, run.ItemsDone).ShouldBe((ImportRunStatus.Succeeded, 2, 5, 0, 5));
        var outcomes = await harness.WithDbAsync(db => db.Set<ImportOutcome>().AsNoTracking().Where(o => o.RunId == runId).ToListAsync());
        outcomes.Select(o => o.Action).ShouldAllBe(a => a == ImportAction.Create);
        outcomes.Count.ShouldBe(5);
        var csv = System.Text.Encoding.UTF8.GetString((await harness.Imports.GetOutcomeCsvAsync(runId)).Value!);
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(",Create,")).ShouldBe(5);
    }

    [Fact]
    public async Task Undo_OfAnAttemptStoppedMidway_RemovesWhatItApplied()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var runId = await StartImportOfFiveAsync(harness);
        await StopAfterFirstClientBatchAsync(harness, runId);
        await harness.WithDbAsync(db => db.Set<ImportRun>().Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportRunStatus.Failed).SetProperty(r => r.FinishedAt, DateTime.UtcNow)));
        (await harness.WithDbAsync(db => db.Clients.CountAsync())).ShouldBe(BatchSize);
        harness.User.User = new PortalUser("Mia Manager", "mia@practice.example", PortalRoles.Manager, harness.Database.PracticeId, null, null);

        var undoId = (await harness.Imports.StartUndoAsync(runId)).Value;
        await new UndoRunner(harness.Database, harness.Progress, Notifier(), Options.Create(new ImportOptions { BatchSize = BatchSize }), TimeProvider.System, NullLogger<UndoRunner>.Instance)
            .RunAsync(undoId, "http://portal.test/", CancellationToken.None);

        (await harness.WithDbAsync(db => db.Clients.CountAsync())).ShouldBe(0);
        var undo = await harness.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == undoId));
        (undo.Status, undo.Removed).ShouldBe((ImportRunStatus.Succeeded, BatchSize));
    }

    private static async Task<int> StartImportOfFiveAsync(ImportHarness harness)
    {
        var fetch = await harness.FetchAsync(Enumerable.Range(1, 5).Select(n => (object)ImportHarness.Person(n, $"Person Number{n}", selected: true)).ToArray());
        var started = await harness.Imports.StartImportAsync(fetch);
        started.Error.ShouldBeNull();
        return started.Value;
    }

    /// <summary>The first attempt stops once its first batch of clients has committed, as a killed process would.</summary>
    private static async Task StopAfterFirstClientBatchAsync(ImportHarness harness, int runId)
    {
        using var stop = new CancellationTokenSource();
        using var _ = harness.Progress.Subscribe(snapshot =>
        {
            if (snapshot.RunId == runId && snapshot.ItemsDone >= BatchSize)
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        });

        await Should.ThrowAsync<OperationCanceledException>(() => Runner(harness).RunAsync(runId, "http://portal.test/", stop.Token));
        var outcomes = await harness.WithDbAsync(db => db.Set<ImportOutcome>().CountAsync(o => o.RunId == runId));
        outcomes.ShouldBe(BatchSize);
    }

    private static ImportRunner Runner(ImportHarness harness) => new(
        harness.Database, harness.Progress, Notifier(), Options.Create(new ImportOptions { BatchSize = BatchSize }), TimeProvider.System, NullLogger<ImportRunner>.Instance);

    private static RunFinishedNotifier Notifier() => new(new PickupEmail(), NullLogger<RunFinishedNotifier>.Instance);

    private sealed class PickupEmail : IEmailSender
    {
        public Task<Portal.Core.Common.Result<EmailSent>> SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
            Task.FromResult<Portal.Core.Common.Result<EmailSent>>(new EmailSent("test"));
    }
}
