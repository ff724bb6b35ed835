using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Infrastructure;

namespace Portal.Web.Identity;

/// <summary>
/// A signed-in cookie is checked against the portal's records every Auth:RevalidateInterval, through the real app:
/// a client archived or with a new email, a staff member removed or with a new role, is signed out.
/// </summary>
public sealed partial class RevalidationTests
{
    private const string ClientEmail = "ana@kowhairidge.example";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static PortalAppFactory App(string interval = "00:00:00", FakeTimeProvider? time = null) =>
        new()
        {
            Settings = { ["Auth:RevalidateInterval"] = interval },
            TestServices = time is null ? null : services => services.AddSingleton<TimeProvider>(time),
        };

    private static async Task<HttpClient> SignInAsync(PortalAppFactory app, string role, string? email = null)
    {
        if (role == "client")
        {
            await app.WithDbAsync(async db =>
            {
                db.Clients.Add(new Client { PracticeId = 1, Name = "Ana Whitfield", Email = ClientEmail, CreatedAt = DateTime.UtcNow });
                return await db.SaveChangesAsync();
            });
        }

        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var token = TokenField().Match(await client.GetStringAsync("/signin")).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["role"] = role, ["__RequestVerificationToken"] = token };
        if (email is not null)
        {
            fields["email"] = email;
        }

        var response = await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
        return client;
    }

    private static async Task ShouldBeSignedOutAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/signin");
        // The refused cookie is removed, not just ignored once.
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("portal.auth=;"));
    }

    [Fact]
    public async Task Client_Unchanged_StaysSignedIn()
    {
        await using var app = App();
        var client = await SignInAsync(app, "client", ClientEmail);

        (await client.GetAsync("/portal")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/portal")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Client_ArchivedAfterSignIn_IsSignedOut()
    {
        await using var app = App();
        var client = await SignInAsync(app, "client", ClientEmail);
        (await client.GetAsync("/portal")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.WithDbAsync(db => db.Clients.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true)));

        await ShouldBeSignedOutAsync(client, "/portal");
    }

    [Fact]
    public async Task Client_EmailChangedAfterSignIn_IsSignedOut()
    {
        await using var app = App();
        var client = await SignInAsync(app, "client", ClientEmail);

        await app.WithDbAsync(db => db.Clients.ExecuteUpdateAsync(s => s.SetProperty(c => c.Email, "someone.else@example.com")));

        await ShouldBeSignedOutAsync(client, "/portal");
    }

    [Fact]
    public async Task Staff_RemovedAfterSignIn_IsSignedOut()
    {
        await using var app = App();
        var client = await SignInAsync(app, "staff");
        (await client.GetAsync("/clients")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.WithDbAsync(db => db.StaffMembers.Where(s => s.PortalRole == StaffRole.Staff).ExecuteDeleteAsync());

        await ShouldBeSignedOutAsync(client, "/clients");
    }

    [Fact]
    public async Task Staff_RoleChangedAfterSignIn_IsSignedOut()
    {
        await using var app = App();
        var client = await SignInAsync(app, "manager");

        await app.WithDbAsync(db => db.StaffMembers.Where(s => s.PortalRole == StaffRole.Manager)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PortalRole, StaffRole.Staff)));

        await ShouldBeSignedOutAsync(client, "/clients");
    }

    [Fact]
    public async Task Client_ArchivedAfterSignIn_IsSignedOutOnceTheIntervalHasPassed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = App("00:05:00", time);
        var client = await SignInAsync(app, "client", ClientEmail);
        await app.WithDbAsync(db => db.Clients.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true)));

        time.Advance(TimeSpan.FromMinutes(4));
        (await client.GetAsync("/portal")).StatusCode.ShouldBe(HttpStatusCode.OK);
        time.Advance(TimeSpan.FromMinutes(2));

        await ShouldBeSignedOutAsync(client, "/portal");
    }
}
