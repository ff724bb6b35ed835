using Microsoft.AspNetCore.Components.Authorization;
using Portal.Core.Identity;

namespace Portal.Web.Identity;

internal sealed class CurrentUser(AuthenticationStateProvider authenticationState) : ICurrentUser
{
    public async Task<PortalUser> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        // Every page needs sign-in, so a service asking without a user is a bug.
        return PortalPrincipal.Read(state.User)
            ?? throw new InvalidOperationException("No signed-in portal user.");
    }
}
