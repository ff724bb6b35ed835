using System.Net;
using System.Text.RegularExpressions;
using Portal.Infrastructure;

namespace Portal.Web.Identity;

/// <summary>Sign-out is a POST that needs the page's antiforgery token, so another site cannot sign a user out.</summary>
public sealed partial class SignOutTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static async Task<HttpClient> SignInAsStaffAsync(PortalAppFactory app)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var token = TokenField().Match(await client.GetStringAsync("/signin")).Groups[1].Value;
        var response = await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = "staff",
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefusedAndTheUserStaysSignedIn()
    {
        await using var app = new PortalAppFactory();
        var client = await SignInAsStaffAsync(app);

        var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent([]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/clients")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignOut_WithTheTokenFromThePage_SignsOut()
    {
        await using var app = new PortalAppFactory();
        var client = await SignInAsStaffAsync(app);
        var token = TokenField().Match(await client.GetStringAsync("/clients")).Groups[1].Value;

        var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        response.Headers.Location!.ToString().ShouldBe("/signin?signedOut=true");
        (await client.GetAsync("/clients")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
