using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Infrastructure;

namespace Portal.Web.Identity;

/// <summary>The demo sign-in form posts, as a browser would, with the antiforgery token from the page.</summary>
public sealed class DemoSignInTests
{
    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task DemoSignIn_AsStaff_SignsInAndReachesClients()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await PostSignInAsync(client, new() { ["role"] = "staff", ["returnUrl"] = "/clients" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/clients");
        (await client.GetAsync("/clients")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    public async Task DemoSignIn_ReturnUrlToAnotherSite_GoesHomeInstead(string returnUrl)
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await PostSignInAsync(client, new() { ["role"] = "staff", ["returnUrl"] = returnUrl });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task DemoSignIn_AsClientWithUnknownEmail_ShowsAClearError()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var response = await PostSignInAsync(client, new() { ["role"] = "client", ["email"] = "nobody@example.com" });

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("No client of the practice has the email nobody@example.com");
    }

    [Theory]
    [InlineData("", "Enter the email address the practice has for you.")]
    [InlineData("   ", "Enter the email address the practice has for you.")]
    [InlineData("not-an-email", "That is not a valid email address")]
    public async Task DemoSignIn_AsClientWithABlankOrInvalidEmail_SaysWhatToEnter(string email, string message)
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var response = await PostSignInAsync(client, new() { ["role"] = "client", ["email"] = email });

        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
    }

    [Fact]
    public async Task DemoSignIn_AsClientWithAHugeEmail_IsRefusedWithoutEchoingIt()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await PostSignInAsync(client, new() { ["role"] = "client", ["email"] = new string('a', 5000) + "@example.com" });

        var location = response.Headers.Location!.ToString();
        location.ShouldContain(Uri.EscapeDataString("That is not a valid email address"));
        location.Length.ShouldBeLessThan(400);
    }

    [Fact]
    public async Task DemoSignIn_AsClientWithSharedHouseholdEmail_RefusesToGuess()
    {
        await using var app = new PortalAppFactory();
        await app.WithDbAsync(async db =>
        {
            db.Clients.AddRange(
                new Client { PracticeId = 1, Name = "Tom Ngata", Email = "home@ngata.example", CreatedAt = DateTime.UtcNow },
                new Client { PracticeId = 1, Name = "Aroha Ngata", Email = "Home@Ngata.example", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = app.CreateClient();

        var response = await PostSignInAsync(client, new() { ["role"] = "client", ["email"] = "home@ngata.example" });

        (await response.Content.ReadAsStringAsync()).ShouldContain("More than one client uses the email");
    }

    [Fact]
    public async Task DemoSignIn_WhenTurnedOff_IsRefused()
    {
        await using var app = new PortalAppFactory { Settings = { ["Auth:DemoSignIn"] = "false" } };
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var page = await client.GetStringAsync("/signin", TestContext.Current.CancellationToken);
        page.ShouldNotContain("Sign in as staff");
        page.ShouldContain("No way of signing in is configured");
    }

    [Fact]
    public async Task DemoSignIn_SeedsOneStaffAndOneManagerOnce()
    {
        await using var app = new PortalAppFactory();
        app.CreateClient();

        var roles = await app.WithDbAsync(db => db.StaffMembers.Select(s => s.PortalRole).ToListAsync());

        roles.ShouldBe([Portal.Core.Identity.StaffRole.Staff, Portal.Core.Identity.StaffRole.Manager], ignoreOrder: true);
    }
}
