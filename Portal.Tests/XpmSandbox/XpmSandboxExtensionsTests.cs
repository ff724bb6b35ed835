using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Portal.XpmSandbox;

public sealed class XpmSandboxExtensionsTests
{
    [Theory]
    [InlineData("Development", null, "", true)]
    [InlineData("Development", null, "https://api.xero.com/practicemanager/3.1/", false)]
    [InlineData("Production", null, "", false)]
    [InlineData("Staging", null, "", false)]
    [InlineData("Production", "true", "", true)]
    [InlineData("Production", "true", "https://api.xero.com/practicemanager/3.1/", true)]
    [InlineData("Development", "false", "", false)]
    public void IsEnabled_FollowsTheSwitchElseDevelopmentWithoutARealXpm(string environment, string? enabled, string apiBaseUrl, bool expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["XpmSandbox:Enabled"] = enabled, ["Xpm:ApiBaseUrl"] = apiBaseUrl });

        XpmSandboxExtensions.IsEnabled(builder.Configuration, builder.Environment).ShouldBe(expected);
    }

    [Fact]
    public void AddXpmSandbox_Off_RegistersNothing()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var before = builder.Services.Count;

        builder.AddXpmSandbox("Staff");

        builder.Services.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Start_WithMoreThanFiftyThousandClients_Stops()
    {
        await using var host = new SandboxHost { Settings = { ["XpmSandbox:Clients"] = "50001" } };

        Should.Throw<OptionsValidationException>(() => host.CreateSandboxClient());
    }
}
