using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;

namespace Portal.Import;

/// <summary>Waits for a run to finish on the progress notifier, never on a clock.</summary>
internal static class ImportRunWaiter
{
    public static async Task<ImportProgressSnapshot> WaitAsync(PortalAppFactory app, int runId, Action? onProgress = null, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource<ImportProgressSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Subscribe before reading the row, so a finish between the two is not missed.
        using var subscription = app.Services.GetRequiredService<ImportProgress>().Subscribe(snapshot =>
        {
            onProgress?.Invoke();
            if (snapshot.RunId == runId && !snapshot.IsActive)
            {
                done.TrySetResult(snapshot);
            }

            return Task.CompletedTask;
        });
        var run = await app.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));
        return run.IsActive
            ? await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60))
            : ImportProgressSnapshot.From(run);
    }
}
