using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.E2E;
using Portal.E2E.Pages;
using Portal.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.ScaleOut;

/// <summary>
/// Two real portal processes on one PostgreSQL database and a headless Chromium signed in on each: the page served by the
/// node that is not working the import shows its progress advancing live, and its Cancel button stops the run on the
/// working node.
/// </summary>
/// <remarks>
/// Tagged Postgres only, not E2E: <c>./test.sh</c> leaves E2E out of its PostgreSQL pass and Postgres out of its SQLite
/// pass, so both tags would mean it never runs. Either node may claim the import, so a page is open on each and the
/// test watches (and cancels from) the other node's.
/// </remarks>
[Collection(E2ECollection.Name)]
[Trait("Category", "Postgres")]
public sealed partial class TwoNodeBrowserTests(BrowserFixture browser)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Import_WorkedOnOneNode_IsWatchedLiveOnTheOtherNodesPage_AndItsCancelStopsTheWorkingNode()
    {
        var database = new SharedDatabase(await PostgresTestServer.CreateDatabaseAsync());
        using var folderA = new TempDirectory();
        using var folderB = new TempDirectory();
        var user = new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));
        var imports = new ImportService(database, user, new ImportQueue(), new ImportProgress(), TimeProvider.System);
        var review = new ImportReviewService(database, user);
        await using var nodeA = await PortalProcess.StartAsync(folderA.Path, TwoNodeImportTests.Settings(database, "node-a"));
        await nodeA.SignInAndConnectAsync();
        var fetch = await TwoNodeImportTests.WaitForAsync(database, [nodeA], TwoNodeImportTests.Started(await imports.StartFetchAsync()), run => !run.IsActive);
        fetch.Status.ShouldBe(ImportRunStatus.Succeeded, fetch.Error);
        await review.SetAllStaffSelectedAsync(fetch.Id, null, true);
        await review.SetAllClientsSelectedAsync(fetch.Id, new ClientReviewQuery(ClientKind.Person), true);
        await review.SetAllClientsSelectedAsync(fetch.Id, new ClientReviewQuery(ClientKind.Entity), true);
        foreach (var step in new[] { ImportStep.Staff, ImportStep.Clients, ImportStep.Entities })
        {
            (await review.SaveAndContinueAsync(fetch.Id, step)).Error.ShouldBeNull();
        }

        var selected = fetch.ClientCount + fetch.EntityCount + fetch.StaffCount;
        await using var nodeB = await PortalProcess.StartAsync(folderB.Path, TwoNodeImportTests.Settings(database, "node-b"));
        await using var pageOnA = await NodePage.OpenConfirmStepAsync(browser, nodeA.BaseUri, fetch.Id);
        await using var pageOnB = await NodePage.OpenConfirmStepAsync(browser, nodeB.BaseUri, fetch.Id);

        var importId = TwoNodeImportTests.Started(await imports.StartImportAsync(fetch.Id));
        var running = await TwoNodeImportTests.WaitForAsync(database, [nodeA, nodeB], importId, run => !run.IsActive || run.LeaseOwner is not null);
        running.LeaseOwner.ShouldBeOneOf("node-a", "node-b");
        var watching = running.LeaseOwner == "node-a" ? pageOnB : pageOnA;
        var seen = await WatchCreatedCountAsync(database, importId, watching, distinct: 3);
        await watching.ScreenshotAsync("two-node-watched-live");
        await watching.Run.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        var cancelled = await TwoNodeImportTests.WaitForAsync(database, [nodeA, nodeB], importId, run => !run.IsActive);
        await Expect(watching.Run).ToContainTextAsync("Cancelled.", new() { Timeout = 30_000 });
        await watching.ScreenshotAsync("two-node-cancelled-from-the-other-node");

        // Live: the other node's page showed the working node's count change at least twice while the run worked.
        seen.Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        seen.Max().ShouldBeLessThan(selected);
        // Its Cancel stopped the run on the working node, mid-apply, recorded by the node that worked it.
        cancelled.Status.ShouldBe(ImportRunStatus.Cancelled, cancelled.Error);
        cancelled.CancelRequested.ShouldBeTrue();
        cancelled.ItemsDone.ShouldBeLessThan(selected, "the working node applied every record although the cancel came mid-apply");
        cancelled.LeaseOwner.ShouldBe(running.LeaseOwner);
    }

    /// <summary>Reads the "N created" count on the page until it showed <paramref name="distinct"/> values; fails if the run ends first.</summary>
    private static async Task<List<int>> WatchCreatedCountAsync(SharedDatabase database, int runId, NodePage watching, int distinct)
    {
        var seen = new List<int>();
        var waited = Stopwatch.StartNew();
        var counts = watching.Run.GetByTestId("import-run-counts");
        while (seen.Distinct().Count() < distinct)
        {
            if (await counts.CountAsync() > 0 && CreatedCount().Match(await counts.InnerTextAsync()) is { Success: true } match)
            {
                seen.Add(int.Parse(match.Groups[1].Value));
            }

            var run = await database.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));
            if (!run.IsActive || waited.Elapsed > RunTimeout)
            {
                throw new TimeoutException($"Run {runId} is {run.Status} ({run.ItemsDone}/{run.ItemsTotal}) and the watching page showed only {string.Join(", ", seen.Distinct())} created");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return seen;
    }

    [GeneratedRegex(@"^\s*(\d+) created")]
    private static partial Regex CreatedCount();

    /// <summary>A browser context signed in (demo staff) on one node, on the review's Confirm step.</summary>
    private sealed class NodePage(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public ILocator Run => page.GetByTestId("import-run");

        public static async Task<NodePage> OpenConfirmStepAsync(BrowserFixture browser, Uri baseUri, int fetchRunId)
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseUri.ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            });
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            var signIn = new SignInPageObject(page);
            await signIn.OpenAsync();
            await signIn.SignInAsStaffAsync();
            await page.Locator("[data-interactive='true']").WaitForAsync();
            await page.GotoAsync($"/configure/integrations/xpm/review/{fetchRunId}");
            await page.Locator("[data-interactive='true']").WaitForAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import data" })).ToBeEnabledAsync();
            return new NodePage(context, page);
        }

        public Task ScreenshotAsync(string name) => page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });

        public async ValueTask DisposeAsync() => await context.DisposeAsync();
    }
}
