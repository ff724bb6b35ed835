using System.Diagnostics;
using Microsoft.Playwright;
using Portal.E2E.Pages;
using Portal.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// 25 signed-in browsers (one Chromium, a context each) watch one running read from XPM on the Manage page: every one
/// must see its progress move and the "Review and import data" box at the end, and the server's memory must stay bounded.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ImportProgressLoadTests(BrowserFixture browser)
{
    private const int Watchers = 25;
    private const long MaxGrowthBytes = 400L * 1024 * 1024;

    /// <summary>Keeps each distinct (phase, count) the progress panel showed, so a page that saw only the end is caught.</summary>
    private const string RecordProgress = """
        () => {
          window.__seen = [];
          const record = () => {
            const panel = document.querySelector('[data-testid=import-progress]');
            if (!panel) return;
            const phase = panel.querySelector('.mud-typography-subtitle2')?.innerText ?? '';
            const counts = (panel.querySelector('[data-testid=import-counts]')?.innerText ?? '').split('·')[0].trim();
            const state = phase + ' | ' + counts;
            if (window.__seen[window.__seen.length - 1] !== state) window.__seen.push(state);
          };
          new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    [Fact]
    public async Task TwentyFiveSessions_WatchingOneRunningRead_AllSeeProgressAndTheEnd_AndServerMemoryStaysBounded()
    {
        var app = new PortalAppFactory
        {
            Settings =
            {
                ["XpmSandbox:AutoConsent"] = "true",
                // A practice big enough, and a detailed list slow enough, to run for several seconds.
                ["XpmSandbox:Clients"] = "4000",
                ["XpmSandbox:Faults:DetailedListLatency"] = "00:00:03",
                ["XpmSandbox:RateLimits:PerMinute"] = "10000",
                ["Xpm:RequestsPerMinute"] = "10000",
            },
        };
        await using var session = await PortalSession.StartAsync(browser, app);
        var starter = session.Page;
        var signIn = new SignInPageObject(starter);
        await signIn.OpenAsync();
        await signIn.SignInAsStaffAsync();
        await session.WaitForInteractiveAsync();
        await starter.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        await new XpmManagePageObject(starter).ConnectAsync();
        await Expect(new XpmManagePageObject(starter).ConnectedNotice).ToContainTextAsync("staff members can be imported");
        var signedIn = await starter.Context.StorageStateAsync();
        var before = ServerWorkingSet();
        var clock = Stopwatch.StartNew();

        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        try
        {
            for (var batch = 0; batch < Watchers; batch += 5)
            {
                pages.AddRange(await Task.WhenAll(Enumerable.Range(batch, Math.Min(5, Watchers - batch)).Select(async _ =>
                {
                    var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
                    {
                        BaseURL = session.BaseUri.ToString(),
                        StorageState = signedIn,
                        ViewportSize = new ViewportSize { Width = 1024, Height = 700 },
                        ReducedMotion = ReducedMotion.Reduce,
                    });
                    lock (contexts)
                    {
                        contexts.Add(context);
                    }

                    context.SetDefaultTimeout(30_000);
                    var page = await context.NewPageAsync();
                    await page.GotoAsync("/configure/integrations/xpm");
                    await page.Locator("[data-interactive='true']").WaitForAsync();
                    await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import Data" })).ToBeEnabledAsync();
                    // 25 software-rendered indeterminate progress bars would spend the 2 cores on animation, not on the server.
                    await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { animation: none !important; transition: none !important; }" });
                    await page.EvaluateAsync(RecordProgress);
                    return page;
                })));
            }

            var opened = clock.Elapsed;
            await starter.GetByRole(AriaRole.Button, new() { Name = "Import Data" }).ClickAsync();

            foreach (var page in pages)
            {
                await Expect(page.GetByTestId("review-box")).ToContainTextAsync("Review and import data", new() { Timeout = 60_000 });
            }

            var during = ServerWorkingSet();
            var seen = await Task.WhenAll(pages.Select(p => p.EvaluateAsync<string[]>("() => window.__seen")));
            var summary = $"{Watchers} sessions opened in {opened.TotalSeconds:F1} s, read finished at {clock.Elapsed.TotalSeconds:F1} s; " +
                $"progress states seen per page {seen.Min(s => s.Length)}–{seen.Max(s => s.Length)}; server working set {Mb(before)} MB before, {Mb(during)} MB after (+{Mb(during - before)} MB)";
            TestContext.Current.TestOutputHelper?.WriteLine(summary);
            File.WriteAllText(Path.Combine(BrowserFixture.ScreenshotDirectory, "..", "load-test.txt"), summary + Environment.NewLine);

            seen.ShouldAllBe(states => states.Length >= 2, "every page must see the progress change while the read runs: " + summary);
            seen.ShouldAllBe(states => states.Any(s => s.StartsWith("Reading clients", StringComparison.Ordinal)), summary);
            (during - before).ShouldBeLessThan(MaxGrowthBytes, summary);
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    /// <summary>The app runs in this process (WebApplicationFactory on Kestrel); the browsers do not.</summary>
    private static long ServerWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static long Mb(long bytes) => bytes / (1024 * 1024);
}
