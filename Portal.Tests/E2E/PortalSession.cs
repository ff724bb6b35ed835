using Microsoft.Playwright;
using Portal.Infrastructure;

namespace Portal.E2E;

/// <summary>The real app on a loopback port plus a fresh browser context: one user at one browser.</summary>
public sealed class PortalSession : IAsyncDisposable
{
    private readonly PortalAppFactory _app;
    private readonly IBrowserContext _context;

    private PortalSession(PortalAppFactory app, Uri baseUri, IBrowserContext context, IPage page)
    {
        _app = app;
        BaseUri = baseUri;
        _context = context;
        Page = page;
    }

    public Uri BaseUri { get; }

    public IPage Page { get; }

    public PortalAppFactory App => _app;

    public static async Task<PortalSession> StartAsync(BrowserFixture browser, PortalAppFactory? app = null)
    {
        app ??= new PortalAppFactory();
        var baseUri = app.StartKestrel();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new PortalSession(app, baseUri, context, page);
    }

    /// <summary>Clicks made before the Blazor circuit connects are lost; the layout marks when it is live.</summary>
    public Task WaitForInteractiveAsync() =>
        Page.Locator("[data-interactive='true']").WaitForAsync();

    public async Task ScreenshotAsync(string name)
    {
        // A full-page capture of a scrolled page draws the fixed app bar where the viewport was, mid-page: top first.
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _app.DisposeAsync();
    }
}
