using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Xpm.Connection;
using Portal.Infrastructure;
using Portal.XpmSandbox;

namespace Portal.Xpm.Connection;

/// <summary>
/// The real portal on a loopback port with its embedded sandbox, reached over HTTP by the real XPM client;
/// requests sign in as a role through test headers. Counts calls to Xero's token endpoint.
/// </summary>
public sealed class SandboxPortal : IAsyncDisposable
{
    private SandboxPortal(PortalAppFactory app, Uri baseUri, TokenCallCounter counter)
    {
        App = app;
        BaseUri = baseUri;
        TokenCalls = counter;
    }

    public PortalAppFactory App { get; }
    public Uri BaseUri { get; }
    public TokenCallCounter TokenCalls { get; }

    public SandboxFaults Faults => App.Services.GetRequiredService<SandboxFaults>();
    public SandboxPractice Practice => App.Services.GetRequiredService<SandboxPractice>();

    public static Task<SandboxPortal> StartAsync(
        bool autoConsent = true, bool secondPractice = false, int clients = 60, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? testServices = null)
    {
        var counter = new TokenCallCounter();
        var app = new PortalAppFactory
        {
            UseTestAuth = true,
            TestServices = collection =>
            {
                collection.AddHttpClient<XeroIdentityClient>().AddHttpMessageHandler(() => counter.NewHandler());
                if (time is not null)
                {
                    collection.AddSingleton(time);
                }

                testServices?.Invoke(collection);
            },
        };
        app.Settings["XpmSandbox:AutoConsent"] = autoConsent ? "true" : "false";
        app.Settings["XpmSandbox:SecondPractice"] = secondPractice ? "true" : "false";
        app.Settings["XpmSandbox:Clients"] = clients.ToString();
        // Tests make more calls a minute than a real practice allows; the pacing tests set their own limits.
        app.Settings["XpmSandbox:RateLimits:PerMinute"] = "10000";
        app.Settings["Xpm:RequestsPerMinute"] = "10000";
        app.Settings["Xpm:RetryDelay"] = "00:00:00.050";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            app.Settings[key] = value;
        }
        var baseUri = app.StartKestrel();
        return Task.FromResult(new SandboxPortal(app, baseUri, counter));
    }

    public HttpClient Browser(string role = "Staff")
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUri };
        client.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, role);
        return client;
    }

    /// <summary>Connect → Xero's authorize (auto-consent) → callback, as the browser would follow the redirects.</summary>
    public async Task<Uri> ConnectAsync(string role = "Staff")
    {
        using var browser = Browser(role);
        var authorize = await browser.GetAsync("/configure/integrations/xpm/connect");
        authorize.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consent = await browser.GetAsync(authorize.Headers.Location);
        consent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var callback = await browser.GetAsync(consent.Headers.Location);
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return new Uri(BaseUri, callback.Headers.Location!);
    }

    public Task<XpmConnection?> ConnectionAsync() =>
        App.WithDbAsync(db => db.Set<XpmConnection>().AsNoTracking().FirstOrDefaultAsync());

    public static string? Query(Uri uri, string name) =>
        QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value) ? value.ToString() : null;

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Counts requests to Xero's token and revocation endpoints (every attempt the resilience pipeline makes), and can
/// answer the next one of a kind with a 503 as an overloaded Xero would.
/// </summary>
public sealed class TokenCallCounter
{
    private int _refreshes;
    private int _codeExchanges;
    private int _revocations;
    private string? _failNext;
    private TaskCompletionSource? _refreshGate;
    private int _refreshGateCount;
    private int _arrivedAtGate;

    public int Refreshes => Volatile.Read(ref _refreshes);
    public int CodeExchanges => Volatile.Read(ref _codeExchanges);
    public int Revocations => Volatile.Read(ref _revocations);

    /// <summary>The next request of this grant type ("authorization_code", "refresh_token") or "revocation" gets a 503.</summary>
    public void FailNext(string kind) => Volatile.Write(ref _failNext, kind);

    /// <summary>
    /// Holds refresh requests until <paramref name="count"/> have arrived, then sends them on together: refreshes from
    /// two portal instances racing with the same (single-use) refresh token.
    /// </summary>
    public void HoldRefreshesUntil(int count)
    {
        _refreshGateCount = count;
        Volatile.Write(ref _arrivedAtGate, 0);
        Volatile.Write(ref _refreshGate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public DelegatingHandler NewHandler() => new Handler(this);

    private sealed class Handler(TokenCallCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is FormUrlEncodedContent form ? await form.ReadAsStringAsync(cancellationToken) : "";
            var kind = body.Contains("grant_type=refresh_token") ? "refresh_token"
                : body.Contains("grant_type=authorization_code") ? "authorization_code"
                : request.RequestUri!.AbsolutePath.EndsWith("/revocation", StringComparison.Ordinal) ? "revocation"
                : null;
            _ = kind switch
            {
                "refresh_token" => Interlocked.Increment(ref counter._refreshes),
                "authorization_code" => Interlocked.Increment(ref counter._codeExchanges),
                "revocation" => Interlocked.Increment(ref counter._revocations),
                _ => 0,
            };
            if (kind == "refresh_token" && Volatile.Read(ref counter._refreshGate) is { } gate)
            {
                if (Interlocked.Increment(ref counter._arrivedAtGate) >= counter._refreshGateCount)
                {
                    gate.TrySetResult();
                }

                await gate.Task.WaitAsync(cancellationToken);
            }

            if (kind is not null && Interlocked.CompareExchange(ref counter._failNext, null, kind) == kind)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
