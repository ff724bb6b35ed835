using Microsoft.Extensions.Time.Testing;
using Portal.Core.Import.Runs;

namespace Portal.Import.Runs;

/// <summary>A working run is heard from at least every 500 ms, even when nothing new happens (XPM slow to answer).</summary>
public sealed class RunProgressTests
{
    private static ImportRun Run() => new()
    {
        Id = 7, PracticeId = 1, Kind = ImportRunKind.Fetch, Status = ImportRunStatus.Running, StartedBy = "Sam", Phase = "Reading clients",
    };

    [Fact]
    public async Task Heartbeat_NothingNewForTwoSeconds_PublishesEveryInterval()
    {
        var time = new FakeTimeProvider();
        var progress = new ImportProgress();
        var published = new List<DateTimeOffset>();
        var next = new TaskCompletionSource();
        using var _ = progress.Subscribe(snapshot =>
        {
            lock (published)
            {
                published.Add(time.GetUtcNow());
                next.TrySetResult();
            }

            return Task.CompletedTask;
        });
        await using var live = new RunProgress(progress, time);
        await live.PublishAsync(Run());
        live.Start();
        var start = time.GetUtcNow();

        for (var tick = 1; tick <= 8; tick++)
        {
            lock (published)
            {
                next = new TaskCompletionSource();
            }

            time.Advance(RunProgress.Interval);
            // A hang guard only: the fake clock decides when the heartbeat fires.
            await next.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        lock (published)
        {
            published.Count.ShouldBe(9);
            published.Zip(published.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap <= TimeSpan.FromMilliseconds(500));
            (published[^1] - start).ShouldBe(TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public async Task UpdateAsync_ManyWithinTheInterval_PublishesOnlyOnceTheIntervalIsUp()
    {
        var time = new FakeTimeProvider();
        var progress = new ImportProgress();
        var published = new List<int>();
        using var _ = progress.Subscribe(snapshot =>
        {
            published.Add(snapshot.ItemsDone);
            return Task.CompletedTask;
        });
        await using var live = new RunProgress(progress, time);
        var run = Run();
        await live.PublishAsync(run);

        for (var i = 1; i <= 10; i++)
        {
            run.ItemsDone = i;
            await live.UpdateAsync(run);
        }

        time.Advance(RunProgress.Interval);
        run.ItemsDone = 11;
        await live.UpdateAsync(run);

        published.ShouldBe([0, 11]);
    }
}
