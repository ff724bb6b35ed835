using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.XpmSandbox;

public sealed class SandboxGatewayTests
{
    [Fact]
    public async Task Api_WithoutBearerToken_Is401GatewayJsonWithoutRateLimitHeaders()
    {
        await using var app = new SandboxHost();
        var request = new HttpRequestMessage(HttpMethod.Get, SandboxHost.Api + "staff.api/list");

        var response = await app.CreateSandboxClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=invalid_token");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var correlationId = response.Headers.GetValues("Xero-Correlation-Id").Single();
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            $$$"""{"Type":null,"Title":"Unauthorized","Status":401,"Detail":"AuthenticationUnsuccessful","Instance":"{{{correlationId}}}","Extensions":{}}""");
        response.Headers.Contains("X-MinLimit-Remaining").ShouldBeFalse();
        response.Headers.Contains("X-AppMinLimit-Remaining").ShouldBeFalse();
    }

    [Fact]
    public async Task Api_GarbageToken_Is401AuthenticationUnsuccessful()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();

        var response = await app.CreateSandboxClient().SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session with { AccessToken = "garbage" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DetailAsync(response)).ShouldBe("AuthenticationUnsuccessful");
    }

    [Fact]
    public async Task Api_ExpiredToken_Is401TokenExpiredWithAUsStyleDate()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();
        app.Time.Advance(TimeSpan.FromMinutes(31));

        var response = await app.CreateSandboxClient().SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "client.api/list", session));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=invalid_token");
        (await DetailAsync(response)).ShouldBe("TokenExpired: token expired at 03/02/2026 09:30:00");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bad_tenant")]
    [InlineData("3f1e0a77-0000-4000-8000-000000000000")]
    public async Task Api_MissingOrUnknownTenant_Is403WithOnlyTheAppMinuteHeader(string? tenant)
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();
        var request = SandboxHost.Bearer(HttpMethod.Get, SandboxHost.Api + "staff.api/list", session.AccessToken);
        if (tenant is not null)
        {
            request.Headers.Add("Xero-Tenant-Id", tenant);
        }

        var response = await app.CreateSandboxClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("Title").GetString().ShouldBe("Forbidden");
        json.GetProperty("Detail").GetString().ShouldBe("AuthenticationUnsuccessful");
        response.Headers.Contains("X-AppMinLimit-Remaining").ShouldBeTrue();
        response.Headers.Contains("X-MinLimit-Remaining").ShouldBeFalse();
        response.Headers.Contains("X-DayLimit-Remaining").ShouldBeFalse();
    }

    [Fact]
    public async Task Api_EverySuccessfulReply_CarriesACorrelationIdAndTheRemainingCounts()
    {
        await using var app = WithLimits(perMinute: 60, perDay: 5000);
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();

        var first = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));
        var second = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, $"client.api/get/{Guid.NewGuid()}", session));

        Header(first, "X-MinLimit-Remaining").ShouldBe("59");
        Header(first, "X-DayLimit-Remaining").ShouldBe("4999");
        Header(first, "X-AppMinLimit-Remaining").ShouldBe("9999");
        Header(second, "X-MinLimit-Remaining").ShouldBe("58");
        Guid.TryParse(Header(first, "Xero-Correlation-Id"), out _).ShouldBeTrue();
        Header(second, "Xero-Correlation-Id").ShouldNotBe(Header(first, "Xero-Correlation-Id"));
    }

    [Fact]
    public async Task Api_OverTheMinuteLimit_Is429WithRetryAfterUntilTheMinutePasses()
    {
        await using var app = WithLimits(perMinute: 3, perDay: 5000);
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        refused.Content.Headers.ContentType.ShouldBeNull();
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));
        Header(refused, "X-Rate-Limit-Problem").ShouldBe("minute");
        Header(refused, "X-MinLimit-Remaining").ShouldBe("0");
        Header(refused, "X-DayLimit-Remaining").ShouldBe("4997");
        app.Time.Advance(TimeSpan.FromSeconds(61));
        (await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_OverTheDayLimit_Is429WithProblemDay()
    {
        await using var app = WithLimits(perMinute: 60, perDay: 2);
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();
        await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        var refused = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Header(refused, "X-Rate-Limit-Problem").ShouldBe("day");
        Header(refused, "X-DayLimit-Remaining").ShouldBe("0");
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromHours(23.8), TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Api_MoreCallsInFlightThanTheConcurrencyLimit_Is429()
    {
        await using var app = WithLimits(perMinute: 60, perDay: 5000, concurrent: 1);
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();
        app.Faults.Latency = TimeSpan.FromSeconds(10);
        var limiter = app.Services.GetRequiredService<SandboxRateLimiter>();
        var slow = client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));
        await WaitUntilAsync(() => limiter.InFlight(session.TenantId) == 1);

        var refused = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Header(refused, "X-Rate-Limit-Problem").ShouldBe("concurrent");
        app.Faults.Latency = TimeSpan.Zero;
        // The held request waits on the fake clock: move it on until the reply is back (within the helper's deadline).
        await WaitUntilAsync(() =>
        {
            app.Time.Advance(TimeSpan.FromSeconds(10));
            return slow.IsCompleted;
        });

        (await slow).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_TokenWithoutTheEndpointsScope_Is401AuthorizationUnsuccessful()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync("openid offline_access practicemanager.client");
        var client = app.CreateSandboxClient();

        var staff = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));
        var clients = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "client.api/list", session));

        staff.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DetailAsync(staff)).ShouldBe("AuthorizationUnsuccessful");
        clients.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_ReadOnlyScope_AllowsReadsButNotWrites()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync("openid practicemanager.client.read");
        var client = app.CreateSandboxClient();

        var read = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "clientgroup.api/list", session));
        var write = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Post, "client.api/add", session, "<Client><Name>Nope Ltd</Name></Client>"));

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        write.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_UnknownPath_IsAnEmpty404OnlyAfterTheGateway()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();

        var anonymous = await client.GetAsync(SandboxHost.Api + "job.api/current");
        var signedIn = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "job.api/current", session));

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await signedIn.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Api_WithSpecStatusCodes_AnUnknownUuidIs404WithTheSameXml()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:SpecStatusCodes"] = "true" } };
        var session = await app.ConnectAsync();

        var response = await app.CreateSandboxClient().SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, $"client.api/get/{Guid.NewGuid()}", session));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""<Response api-method="Get"><Status>ERROR</Status><ErrorDescription>Client not found</ErrorDescription></Response>""");
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition never came true");
            await Task.Delay(10);
        }
    }

    private static SandboxHost WithLimits(int perMinute, int perDay, int concurrent = 5) => new()
    {
        Settings =
        {
            ["XpmSandbox:RateLimits:PerMinute"] = perMinute.ToString(),
            ["XpmSandbox:RateLimits:PerDay"] = perDay.ToString(),
            ["XpmSandbox:RateLimits:Concurrent"] = concurrent.ToString(),
            ["XpmSandbox:RateLimits:AppPerMinute"] = "10000",
        },
    };

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("Detail").GetString()!;
}
