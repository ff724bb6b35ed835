using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure;
using Portal.Web.Components.Layout;
using Portal.Web.Identity;

namespace Portal.Web.Layout;

public sealed class DemoSignInBannerTests : PortalTestContext
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void Render_DemoSignIn_ShowsTheBannerOnlyWhenItNeedsAWarning(bool warn, int expected)
    {
        Services.AddSingleton(new SignInModes(Demo: true, EntraId: false) { WarnAboutDemo = warn });

        var banner = Render<DemoSignInBanner>();

        banner.FindAll("[data-testid=demo-banner]").Count.ShouldBe(expected);
    }
}
