using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Portal.Web.Identity;

public sealed class SignInModesTests
{
    private static SignInModes Modes(string environment, string? demo, string? clientId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:DemoSignIn"] = demo,
            ["AzureAd:ClientId"] = clientId,
        }).Build();
        return SignInModes.From(configuration, new HostingEnvironment { EnvironmentName = environment });
    }

    [Theory]
    [InlineData("Development", null, null, true, false)]
    [InlineData("Production", null, null, false, false)]
    [InlineData("Development", null, "app-id", false, true)]
    [InlineData("Production", "true", "app-id", true, true)]
    [InlineData("Development", "false", null, false, false)]
    public void From_Configuration_ChoosesTheSignInModes(string environment, string? demo, string? clientId, bool expectDemo, bool expectEntra)
    {
        var modes = Modes(environment, demo, clientId);

        (modes.Demo, modes.EntraId).ShouldBe((expectDemo, expectEntra));
    }

    [Theory]
    [InlineData("Development", "true", false)]
    [InlineData("Production", "true", true)]
    [InlineData("Staging", "true", true)]
    [InlineData("Production", "false", false)]
    public void From_DemoSignInOutsideDevelopment_AsksForAWarning(string environment, string demo, bool expectWarning) =>
        Modes(environment, demo, null).WarnAboutDemo.ShouldBe(expectWarning);

    [Theory]
    [InlineData("/clients", "/clients")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/\\/evil.example", "/")]
    [InlineData("https:/evil.example", "/")]
    [InlineData("~/clients", "/")]
    [InlineData("/clients?page=2#top", "/clients?page=2#top")]
    [InlineData(null, "/")]
    public void LocalOrHome_ReturnUrl_OnlyKeepsLocalPaths(string? returnUrl, string expected) =>
        SignInEndpoints.LocalOrHome(returnUrl).ShouldBe(expected);
}
