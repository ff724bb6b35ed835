using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Xpm;

namespace Portal.Xpm;

/// <summary>
/// The real registration from <see cref="XpmServiceCollectionExtensions.AddXpmClient"/> (pipeline, limiter, quota)
/// with the network replaced by a <see cref="StubXpmHandler"/>. Defaults keep tests fast: 10 ms retry delays and a
/// minute budget high enough not to pace; tests that exercise pacing set their own.
/// </summary>
internal sealed class XpmTestHost : IAsyncDisposable
{
    public const string BaseUrl = "https://xpm.test/practicemanager/3.1/";

    private readonly ServiceProvider _services;

    private XpmTestHost(ServiceProvider services, StubXpmHandler handler, FakeXpmTokenSource tokens)
    {
        _services = services;
        Handler = handler;
        Tokens = tokens;
    }

    public StubXpmHandler Handler { get; }
    public FakeXpmTokenSource Tokens { get; }
    public IXpmClient Client => _services.GetRequiredService<IXpmClient>();
    public XpmQuota Quota => _services.GetRequiredService<XpmQuota>();
    internal XpmRateLimiter Limiter => _services.GetRequiredService<XpmRateLimiter>();
    public IServiceProvider Services => _services;

    public static XpmTestHost Create(Dictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Xpm:ApiBaseUrl"] = BaseUrl,
            ["Xpm:RetryDelay"] = "00:00:00.010",
            ["Xpm:RequestsPerMinute"] = "60000",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var handler = new StubXpmHandler(time);
        var tokens = new FakeXpmTokenSource();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton<IXpmTokenSource>(tokens);
        services.AddXpmClient();
        services.AddHttpClient(XpmServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        return new XpmTestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), handler, tokens);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
