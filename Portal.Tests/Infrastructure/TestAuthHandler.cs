using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Identity;
using Portal.Web.Identity;

namespace Portal.Infrastructure;

/// <summary>Signs a request in from headers, so integration tests can act as any role without a sign-in round trip.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string RoleHeader = "X-Test-Role";
    public const string ClientIdHeader = "X-Test-Client-Id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(RoleHeader, out var role))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        int? clientId = Request.Headers.TryGetValue(ClientIdHeader, out var id) ? int.Parse(id!, CultureInfo.InvariantCulture) : null;
        var user = new PortalUser($"Test {role}", $"{role}@test.example".ToLowerInvariant(), role!, 1, null, clientId);
        var principal = PortalPrincipal.Create(user, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
