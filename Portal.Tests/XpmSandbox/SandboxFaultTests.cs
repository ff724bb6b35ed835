using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.XpmSandbox;

public sealed class SandboxFaultTests(ConnectedSandbox app) : IClassFixture<ConnectedSandbox>
{
    [Fact]
    public async Task TooManyRequests_Returns429WithTheConfiguredRetryAfterThenRecovers()
    {
        app.Faults.Reset();
        app.Faults.RetryAfter = TimeSpan.FromSeconds(1);
        app.Faults.InjectNext(SandboxFaultKind.TooManyRequests);

        var refused = await app.RawAsync(HttpMethod.Get, "staff.api/list");
        var next = await app.RawAsync(HttpMethod.Get, "staff.api/list");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        refused.Headers.GetValues("X-Rate-Limit-Problem").Single().ShouldBe("minute");
        refused.Headers.GetValues("X-MinLimit-Remaining").Single().ShouldBe("0");
        (await refused.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(SandboxFaultKind.InternalServerError, HttpStatusCode.InternalServerError)]
    [InlineData(SandboxFaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable)]
    public async Task ServerErrors_ReturnThatStatusForTheNextNCalls(SandboxFaultKind kind, HttpStatusCode status)
    {
        app.Faults.Reset();
        app.Faults.InjectNext(kind, calls: 2);

        var first = await app.RawAsync(HttpMethod.Get, "client.api/list");
        var second = await app.RawAsync(HttpMethod.Get, "client.api/list");
        var third = await app.RawAsync(HttpMethod.Get, "client.api/list");

        first.StatusCode.ShouldBe(status);
        second.StatusCode.ShouldBe(status);
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Status").GetInt32().ShouldBe((int)status);
    }

    [Fact]
    public async Task MalformedXml_IsHttp200XmlThatDoesNotParse()
    {
        app.Faults.Reset();
        app.Faults.InjectNext(SandboxFaultKind.MalformedXml);

        var response = await app.RawAsync(HttpMethod.Get, "client.api/list");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/xml; charset=utf-8");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldStartWith("<Response api-method=\"List\"><Status>OK</Status>");
        Should.Throw<XmlException>(() => XDocument.Parse(body));
    }

    [Fact]
    public async Task TruncatedXml_IsCutOffMidDocument()
    {
        app.Faults.Reset();
        var full = await (await app.RawAsync(HttpMethod.Get, "client.api/list")).Content.ReadAsStringAsync();
        app.Faults.InjectNext(SandboxFaultKind.TruncatedXml);

        var response = await app.RawAsync(HttpMethod.Get, "client.api/list");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.Length.ShouldBeGreaterThan(20);
        body.Length.ShouldBeLessThan(full.Length);
        full.ShouldStartWith(body);
        Should.Throw<XmlException>(() => XDocument.Parse(body));
    }

    [Fact]
    public async Task ErrorReply_IsHttp200WithStatusError()
    {
        app.Faults.Reset();
        app.Faults.ErrorDescription = "Practice is being upgraded";
        app.Faults.InjectNext(SandboxFaultKind.ErrorReply);

        var response = await app.GetAsync($"client.api/get/{SandboxWellKnown.AnaWhitfield}");

        response.ShouldBeError("Get", "Practice is being upgraded");
    }

    [Fact]
    public async Task ErrorReply_OnAWrite_RefusesItWithoutChangingAnything()
    {
        app.Faults.Reset();
        var name = $"Refused Ltd {Guid.NewGuid():N}";
        var before = app.Practice.Current.Clients.Count;
        app.Faults.InjectNext(SandboxFaultKind.ErrorReply, endpoint: "client.api/add");

        var response = await app.SendAsync(HttpMethod.Post, "client.api/add", $"<Client><Name>{name}</Name></Client>");

        response.ShouldBeError("Add", SandboxFaults.DefaultErrorDescription);
        app.Practice.Current.Clients.Count.ShouldBe(before);
        app.Practice.Current.Clients.ShouldNotContain(c => c.Name == name);
    }

    [Fact]
    public async Task FaultForAnEndpoint_WaitsForACallToThatEndpoint()
    {
        app.Faults.Reset();
        app.Faults.InjectNext(SandboxFaultKind.ServiceUnavailable, endpoint: "client.api/list");

        var other = await app.RawAsync(HttpMethod.Get, "staff.api/list");
        var target = await app.RawAsync(HttpMethod.Get, "client.api/list?detailed=true");

        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        target.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        app.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task ShortAccessTokenLifetime_IssuesTokensThatExpireSooner()
    {
        app.Faults.Reset();
        app.Faults.AccessTokenLifetime = TimeSpan.FromSeconds(2);
        var session = await app.ConnectAsync();
        app.Faults.Reset();

        var fresh = await app.Http.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));
        app.Time.Advance(TimeSpan.FromSeconds(3));
        var expired = await app.Http.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await expired.Content.ReadAsStringAsync()).ShouldContain("TokenExpired");
    }

    [Fact]
    public async Task Reset_DropsQueuedFaults()
    {
        app.Faults.InjectNext(SandboxFaultKind.InternalServerError, calls: 3);

        app.Faults.Reset();

        app.Faults.Pending.ShouldBe(0);
        (await app.RawAsync(HttpMethod.Get, "staff.api/list")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ConfiguredFaults_ApplyToTheFirstCalls()
    {
        await using var configured = new SandboxHost
        {
            Settings = { ["XpmSandbox:Faults:TooManyRequests"] = "1", ["XpmSandbox:Faults:RetryAfter"] = "00:00:03" },
        };
        var session = await configured.ConnectAsync();
        var client = configured.CreateSandboxClient();

        var first = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));
        var second = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        first.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        first.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Latency_DelaysEveryApiCall()
    {
        await using var slow = new SandboxHost { UseFakeTime = false, Settings = { ["XpmSandbox:Faults:Latency"] = "00:00:00.300" } };
        var session = await slow.ConnectAsync();
        var client = slow.CreateSandboxClient();
        var stopwatch = Stopwatch.StartNew();

        var response = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task TokenExpired_EndsTheCallersTokenNowWithXerosTokenExpiredReply()
    {
        await using var host = new SandboxHost();
        var session = await host.ConnectAsync();
        var client = host.CreateSandboxClient();
        host.Faults.InjectNext(SandboxFaultKind.TokenExpired, endpoint: "client.api/list");

        var other = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));
        var expired = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "client.api/list", session));
        var still = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        (expired.StatusCode, still.StatusCode).ShouldBe((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized));
        (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Detail").GetString()
            .ShouldBe("TokenExpired: token expired at " + SandboxHost.Start.UtcDateTime.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture));
        (await still.Content.ReadAsStringAsync()).ShouldContain("TokenExpired");
    }

    [Fact]
    public async Task AccessRevoked_EndsTheGrantAndItsConnectionsForThisAndEveryLaterCall()
    {
        await using var host = new SandboxHost();
        var session = await host.ConnectAsync();
        var client = host.CreateSandboxClient();
        host.Faults.InjectNext(SandboxFaultKind.AccessRevoked);

        var revoked = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "client.api/list", session));
        var later = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        (revoked.StatusCode, later.StatusCode).ShouldBe((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized));
        (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Detail").GetString().ShouldBe("AuthenticationUnsuccessful");
        host.Services.GetRequiredService<SandboxIdentity>().Connections().ShouldBeEmpty();
    }

    [Fact]
    public async Task SlowReply_AnswersOnlyAfterTheDelay()
    {
        await using var slow = new SandboxHost { UseFakeTime = false };
        var session = await slow.ConnectAsync();
        var client = slow.CreateSandboxClient();
        slow.Faults.SlowReplyDelay = TimeSpan.FromMilliseconds(300);
        slow.Faults.InjectNext(SandboxFaultKind.SlowReply);
        var stopwatch = Stopwatch.StartNew();

        var response = await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Theory]
    [InlineData(SandboxFaultKind.Dtd, "<!DOCTYPE Response [<!ELEMENT Response ANY>]>")]
    [InlineData(SandboxFaultKind.ExternalEntity, "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">")]
    [InlineData(SandboxFaultKind.EntityExpansion, "<!ENTITY lol9 \"&lol8;&lol8;")]
    public async Task HostileDtd_IsAnOkListWithADtdThatASafeReaderRefuses(SandboxFaultKind kind, string declares)
    {
        app.Faults.Reset();
        app.Faults.InjectNext(kind);

        var response = await app.RawAsync(HttpMethod.Get, "client.api/list?detailed=true");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/xml; charset=utf-8");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldStartWith("<!DOCTYPE Response [");
        body.ShouldContain(declares);
        body.ShouldContain("<Response api-method=\"List\"><Status>OK</Status><Clients><Client><UUID>");
        Should.Throw<XmlException>(() =>
        {
            using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (reader.Read())
            {
            }
        }).Message.ShouldContain("DTD");
    }

    [Fact]
    public async Task DeepNesting_IsAWellFormedListNestedTenThousandDeep()
    {
        app.Faults.Reset();
        app.Faults.InjectNext(SandboxFaultKind.DeepNesting);

        var response = await app.RawAsync(HttpMethod.Get, "staff.api/list");

        var body = await response.Content.ReadAsStringAsync();
        body.ShouldStartWith("<Response api-method=\"List\"><Status>OK</Status><StaffList><Staff><UUID>");
        using var reader = XmlReader.Create(new StringReader(body));
        var deepest = 0;
        while (reader.Read())
        {
            deepest = Math.Max(deepest, reader.Depth);
        }

        deepest.ShouldBe(SandboxHostileXml.NestingDepth + 3);
    }
}
