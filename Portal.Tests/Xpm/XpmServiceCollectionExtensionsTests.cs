using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Xpm;

namespace Portal.Xpm;

public sealed class XpmServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<IXpmTokenSource, FakeXpmTokenSource>();
        services.AddXpmClient();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddXpmClient_NoSettings_HasNoApiBaseButXerosIdentityAndXpmsLimits()
    {
        using var services = Build(new() { ["Xpm:ClientId"] = "client-id" });

        var options = services.GetRequiredService<IOptions<XpmOptions>>().Value;

        options.ApiBaseUrl.ShouldBeEmpty();
        options.TokenUrl.ShouldBe("https://identity.xero.com/connect/token");
        options.Scopes.ShouldBe("openid profile email offline_access practicemanager.client practicemanager.staff.read");
        options.CallbackPath.ShouldBe("/configure/integrations/xpm/callback");
        (options.RequestTimeout, options.MaxConcurrentRequests, options.RequestsPerMinute).ShouldBe((TimeSpan.FromMinutes(10), 5, 60));
        options.MaxResponseBytes.ShouldBe(200L * 1024 * 1024);
    }

    [Fact]
    public async Task AddXpmClient_NoXpmConfigured_ResolvesAndAnswersNotConfigured()
    {
        using var services = Build(new());

        var result = await services.GetRequiredService<IXpmClient>().GetStaffAsync(CancellationToken.None);

        result.Error.ShouldBeOfType<XpmNotConfiguredError>();
    }

    [Fact]
    public void AddXpmClient_XpmSection_IsBound()
    {
        using var services = Build(new()
        {
            ["Xpm:ApiBaseUrl"] = "http://127.0.0.1:5099/practicemanager/3.1",
            ["Xpm:MaxConcurrentRequests"] = "3",
            ["Xpm:RequestsPerMinute"] = "30",
            ["Xpm:RequestTimeout"] = "00:20:00",
            ["Xpm:MaxResponseBytes"] = "1048576",
        });

        var options = services.GetRequiredService<IOptions<XpmOptions>>().Value;

        (options.MaxConcurrentRequests, options.RequestsPerMinute, options.RequestTimeout, options.MaxResponseBytes)
            .ShouldBe((3, 30, TimeSpan.FromMinutes(20), 1_048_576L));
    }

    [Fact]
    public void AddXpmClient_ApiBaseUrlWithoutSlash_StillResolvesPathsUnderIt()
    {
        using var services = Build(new() { ["Xpm:ApiBaseUrl"] = "http://127.0.0.1:5099/practicemanager/3.1" });

        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(XpmServiceCollectionExtensions.HttpClientName);

        new Uri(http.BaseAddress!, "client.api/list").ToString().ShouldBe("http://127.0.0.1:5099/practicemanager/3.1/client.api/list");
        http.Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void AddXpmClient_XeroUrlWithoutClientId_FailsValidation()
    {
        using var services = Build(new() { ["Xpm:ApiBaseUrl"] = "https://api.xero.com/practicemanager/3.1/" });

        var thrown = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<XpmOptions>>().Value);

        thrown.Message.ShouldContain("Xpm:ClientId is required");
    }

    [Fact]
    public void AddXpmClient_RelativeApiBaseUrl_FailsValidation()
    {
        using var services = Build(new() { ["Xpm:ApiBaseUrl"] = "/practicemanager/3.1/" });

        var thrown = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<XpmOptions>>().Value);

        thrown.Message.ShouldContain("Xpm:ApiBaseUrl must be empty (no XPM, or the one the host provides) or an absolute http(s) URL");
    }

    [Fact]
    public void AddXpmClient_Registration_ResolvesTheClientAndLeavesTheTokenSourceToOthers()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([new("Xpm:ApiBaseUrl", XpmTestHost.BaseUrl)]).Build());
        services.AddLogging();

        services.AddXpmClient();

        services.ShouldNotContain(d => d.ServiceType == typeof(IXpmTokenSource));
        services.AddSingleton<IXpmTokenSource, FakeXpmTokenSource>();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IXpmClient>().ShouldBeOfType<XpmClient>();
        provider.GetRequiredService<XpmQuota>().ShouldBeSameAs(provider.GetRequiredService<XpmQuota>());
    }
}
