using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using Portal.Core.Identity;

namespace Portal.Web.Identity;

/// <summary>
/// An open page (a Blazor circuit) makes no HTTP requests, so the cookie check never runs for it: the circuit re-checks
/// the user against the portal's records every <see cref="AuthOptions.RevalidateInterval"/> (at least every second) and
/// drops to signed out, which sends the page to the sign-in page.
/// </summary>
internal sealed class RevalidatingPortalAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    PortalUserDirectory directory,
    IOptions<AuthOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval =>
        options.Value.RevalidateInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.Value.RevalidateInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        PortalPrincipal.Read(authenticationState.User) is { } user && await directory.IsCurrentAsync(user, cancellationToken);
}
