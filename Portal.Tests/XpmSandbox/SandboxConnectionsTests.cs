using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.XpmSandbox;

public sealed class SandboxConnectionsTests
{
    [Fact]
    public async Task Connections_ReturnsThePracticeManagerTenantInXerosShape()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();

        var response = await app.CreateSandboxClient().SendAsync(SandboxHost.Bearer(HttpMethod.Get, SandboxHost.Connections, session.AccessToken));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var connection = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single();
        connection.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "authEventId", "tenantId", "tenantType", "tenantName", "createdDateUtc", "updatedDateUtc"]);
        connection.GetProperty("tenantType").GetString().ShouldBe("PRACTICEMANAGER");
        connection.GetProperty("tenantName").GetString().ShouldBe("Harbourside Accounting");
        connection.GetProperty("tenantId").GetGuid().ShouldBe(app.Practice.TenantId);
        connection.GetProperty("createdDateUtc").GetString().ShouldBe("2026-03-02T09:00:00.0000000");
        Guid.TryParse(connection.GetProperty("authEventId").GetString(), out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Connections_WithASecondPractice_ListsBothAndEachTenantServesItsOwnClients()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:SecondPractice"] = "true" } };
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();

        var connections = await client.SendAsync(SandboxHost.Bearer(HttpMethod.Get, SandboxHost.Connections, session.AccessToken));

        var tenants = (await connections.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .ToDictionary(c => c.GetProperty("tenantName").GetString()!, c => c.GetProperty("tenantId").GetGuid());
        tenants.Keys.ShouldBe(["Harbourside Accounting", "Harbourside Accounting Tauranga"], ignoreOrder: true);
        var primary = await app.GetXmlAsync(client, "client.api/list", session with { TenantId = tenants["Harbourside Accounting"] });
        var second = await app.GetXmlAsync(client, "client.api/list", session with { TenantId = tenants["Harbourside Accounting Tauranga"] });
        primary.Descendants("Name").Select(n => n.Value).ShouldContain(SandboxWellKnown.AnaWhitfieldName);
        second.Descendants("Name").Select(n => n.Value).ShouldNotContain(SandboxWellKnown.AnaWhitfieldName);
        second.Element("Clients")!.Elements("Client").Count().ShouldBe(40);
    }

    [Fact]
    public async Task Connections_WithoutToken_Is401()
    {
        await using var app = new SandboxHost();

        var response = await app.CreateSandboxClient().GetAsync(SandboxHost.Connections);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Contains("Xero-Correlation-Id").ShouldBeTrue();
    }

    [Fact]
    public async Task Connections_FilteredByAnotherAuthEvent_IsEmpty()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();

        var response = await app.CreateSandboxClient().SendAsync(
            SandboxHost.Bearer(HttpMethod.Get, $"{SandboxHost.Connections}?authEventId={Guid.NewGuid()}", session.AccessToken));

        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task DeleteConnection_DisconnectsTheTenant()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();
        var list = await client.SendAsync(SandboxHost.Bearer(HttpMethod.Get, SandboxHost.Connections, session.AccessToken));
        var id = (await list.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetString();

        var response = await client.SendAsync(SandboxHost.Bearer(HttpMethod.Delete, $"{SandboxHost.Connections}/{id}", session.AccessToken));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reconnecting_KeepsTheConnectionIdAndRecordsTheNewAuthEvent()
    {
        await using var app = new SandboxHost();
        var first = await ConnectionAsync(app, await app.ConnectAsync());
        app.Time.Advance(TimeSpan.FromMinutes(5));

        var second = await ConnectionAsync(app, await app.ConnectAsync());

        second.GetProperty("id").GetString().ShouldBe(first.GetProperty("id").GetString());
        second.GetProperty("authEventId").GetString().ShouldNotBe(first.GetProperty("authEventId").GetString());
        Regex.IsMatch(second.GetProperty("updatedDateUtc").GetString()!, @"^2026-03-02T09:05:00\.0000000$").ShouldBeTrue();
    }

    private static async Task<JsonElement> ConnectionAsync(SandboxHost app, SandboxSession session)
    {
        var response = await app.CreateSandboxClient().SendAsync(SandboxHost.Bearer(HttpMethod.Get, SandboxHost.Connections, session.AccessToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>())[0];
    }
}
