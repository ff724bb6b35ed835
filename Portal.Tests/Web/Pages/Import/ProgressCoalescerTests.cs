using Microsoft.Extensions.Time.Testing;
using Portal.Core.Import.Runs;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

/// <summary>A page gets at most ten progress updates a second, and always the newest state of each run.</summary>
public sealed class ProgressCoalescerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<ImportProgressSnapshot> _delivered = [];

    private ProgressCoalescer Create() => new(_time, snapshot =>
    {
        lock (_delivered)
        {
            _delivered.Add(snapshot);
        }

        return Task.CompletedTask;
    });

    private static ImportProgressSnapshot Snapshot(int itemsDone, int runId = 7, ImportRunStatus status = ImportRunStatus.Running) => new(
        runId, 1, ImportRunKind.Fetch, status, "Reading clients", itemsDone, null, 0, 0, 0, "Sam Staff",
        new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), null, null, null, false);

    [Fact]
    public async Task OfferAsync_FirstSnapshot_IsDeliveredAtOnce()
    {
        using var coalescer = Create();

        await coalescer.OfferAsync(Snapshot(1));

        _delivered.Select(s => s.ItemsDone).ShouldBe([1]);
    }

    [Fact]
    public async Task OfferAsync_ManyWithinTheInterval_DeliversOnlyTheNewestWhenItIsUp()
    {
        using var coalescer = Create();
        await coalescer.OfferAsync(Snapshot(1));

        for (var i = 2; i <= 20; i++)
        {
            await coalescer.OfferAsync(Snapshot(i));
        }

        _delivered.Count.ShouldBe(1);
        _time.Advance(ProgressCoalescer.Interval);
        _delivered.Select(s => s.ItemsDone).ShouldBe([1, 20]);
    }

    [Fact]
    public async Task OfferAsync_PublishedEvery10MsForTwoSeconds_DeliversAtMostTenASecondAndTheLastState()
    {
        using var coalescer = Create();

        for (var i = 1; i <= 200; i++)
        {
            await coalescer.OfferAsync(Snapshot(i, status: i == 200 ? ImportRunStatus.Succeeded : ImportRunStatus.Running));
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        _time.Advance(ProgressCoalescer.Interval);
        _delivered.Count.ShouldBeLessThanOrEqualTo(21);
        _delivered.Count.ShouldBeGreaterThanOrEqualTo(19);
        _delivered[^1].Status.ShouldBe(ImportRunStatus.Succeeded);
    }

    [Fact]
    public async Task OfferAsync_TwoRunsWithinTheInterval_DeliversTheNewestOfEach()
    {
        using var coalescer = Create();
        await coalescer.OfferAsync(Snapshot(1, runId: 7));

        await coalescer.OfferAsync(Snapshot(100, runId: 7, status: ImportRunStatus.Succeeded));
        await coalescer.OfferAsync(Snapshot(0, runId: 8));
        _time.Advance(ProgressCoalescer.Interval);

        _delivered.Select(s => (s.RunId, s.Status)).ShouldBe([(7, ImportRunStatus.Running), (7, ImportRunStatus.Succeeded), (8, ImportRunStatus.Running)]);
    }

    [Fact]
    public async Task Dispose_WithAPendingSnapshot_DeliversNothingMore()
    {
        var coalescer = Create();
        await coalescer.OfferAsync(Snapshot(1));
        await coalescer.OfferAsync(Snapshot(2));

        coalescer.Dispose();
        _time.Advance(ProgressCoalescer.Interval);

        _delivered.Count.ShouldBe(1);
    }
}
