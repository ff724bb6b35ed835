using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure;
using Portal.Web.Components.Layout;
using Portal.Web.Identity;

namespace Portal.Web.Layout;

public sealed class DemoSignInMarkerTests : PortalTestContext
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void Render_DemoSignIn_ShowsTheMarkerOnlyWhileOn(bool demo, int expected)
    {
        Services.AddSingleton(new SignInModes(demo, EntraId: !demo));

        var marker = Render<DemoSignInMarker>();

        marker.FindAll("[data-testid=demo-marker]").Count.ShouldBe(expected);
    }
}
