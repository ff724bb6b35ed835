using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Web.Identity;

/// <summary>
/// Core services learn who is signed in through <see cref="Portal.Core.Identity.ICurrentUser"/>, which reads Blazor's
/// authentication state. Razor component requests set it; this filter sets it for a minimal API endpoint too.
/// </summary>
internal static class PortalUserEndpointFilter
{
    public static TBuilder WithPortalUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) =>
        {
            var http = context.HttpContext;
            if (http.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
            {
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
            }

            return next(context);
        });
}
