using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class ImportProgressSubscriberTests : PortalTestContext
{
    private readonly FakeTimeProvider _time = new();
    private readonly ImportProgress _progress = new();

    public ImportProgressSubscriberTests()
    {
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(_progress);
    }

    private static ImportProgressSnapshot Snapshot(int itemsDone, int practiceId = 1) => new(
        7, practiceId, ImportRunKind.Fetch, ImportRunStatus.Running, "Reading clients", itemsDone, null, 0, 0, 0, "Sam Staff",
        new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), null, null, null, false);

    [Fact]
    public async Task Publish_ManyAtOnce_PassesOnTheFirstThenOnlyTheNewestAfterTheInterval()
    {
        var seen = new List<int>();
        var subscriber = Render<ImportProgressSubscriber>(p => p.Add(c => c.PracticeId, 1).Add(c => c.OnProgress, (ImportProgressSnapshot s) => seen.Add(s.ItemsDone)));

        for (var i = 1; i <= 50; i++)
        {
            await _progress.PublishAsync(Snapshot(i));
        }

        seen.ShouldBe([1]);
        _time.Advance(ProgressCoalescer.Interval);
        subscriber.WaitForAssertion(() => seen.ShouldBe([1, 50]));
    }

    [Fact]
    public async Task Publish_OtherPractice_IsNotPassedOn()
    {
        var seen = new List<int>();
        Render<ImportProgressSubscriber>(p => p.Add(c => c.PracticeId, 1).Add(c => c.OnProgress, (ImportProgressSnapshot s) => seen.Add(s.ItemsDone)));

        await _progress.PublishAsync(Snapshot(5, practiceId: 2));
        _time.Advance(ProgressCoalescer.Interval);

        seen.ShouldBeEmpty();
    }
}
