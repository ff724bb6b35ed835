using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Identity;
using Portal.Web.Identity;

namespace Portal.Benchmarks;

/// <summary>Signs every request in as staff of practice 1, so the benchmark can follow the Connect redirects without Entra ID.</summary>
internal sealed class BenchmarkAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Benchmark";

    public static readonly PortalUser Staff = new("Bench Staff", "bench@practice.example", PortalRoles.Staff, 1, null, null);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var principal = PortalPrincipal.Create(Staff, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
