using System.ComponentModel.DataAnnotations;

namespace Portal.XpmSandbox;

/// <summary>
/// The embedded XPM sandbox: an offline emulator of XPM 3.1 and Xero's OAuth2 endpoints under <c>/sandbox/xpm</c>.
/// Switches for behaviours the XPM API reference leaves unconfirmed let tests try both.
/// </summary>
public sealed class XpmSandboxOptions
{
    public const string SectionName = "XpmSandbox";

    public const int MaxClients = 50_000;

    /// <summary>Serve the sandbox: true on, false off; unset, on only in Development when <c>Xpm:ApiBaseUrl</c> is empty.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How many clients (people and entities) the generated practice has.</summary>
    [Range(SandboxPracticeGenerator.MinimumClients, MaxClients)]
    public int Clients { get; set; } = 300;

    [Range(SandboxPracticeGenerator.MinimumStaff, 500)]
    public int Staff { get; set; } = 25;

    /// <summary>Same seed, same practice (UUIDs included).</summary>
    public int Seed { get; set; } = 20_260_101;

    /// <summary>
    /// Skip the consent page: authorize redirects back at once, as if "Allow access" was pressed (the user must still be
    /// signed in to the host, standing in for Xero's sign-in).
    /// </summary>
    public bool AutoConsent { get; set; }

    /// <summary>
    /// The app's registered redirect URIs, absolute or relative to the app's own address; empty: the portal's own
    /// callback (<c>Xpm:CallbackPath</c> on the app's address). Authorize and token refuse any other, as Xero does.
    /// </summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>How long a consent page may wait for "Allow access".</summary>
    public TimeSpan PendingAuthorizationLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many consent requests, and as many unredeemed codes, are kept; past it the oldest is dropped.</summary>
    [Range(1, 10_000)]
    public int MaxPendingAuthorizations { get; set; } = 100;

    [Required]
    public string ClientId { get; set; } = "portal-sandbox-client";

    [Required]
    public string ClientSecret { get; set; } = "portal-sandbox-secret";

    [Required]
    public string PracticeName { get; set; } = "Harbourside Accounting";

    /// <summary>Connect a second, smaller practice too, so a client must choose a tenant from <c>/connections</c>.</summary>
    public bool SecondPractice { get; set; }

    [Required]
    public string SecondPracticeName { get; set; } = "Harbourside Accounting Tauranga";

    [Range(1, MaxClients)]
    public int SecondPracticeClients { get; set; } = 40;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a used refresh token may be replayed (it returns the same new pair).</summary>
    public TimeSpan RefreshGracePeriod { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Unused refresh tokens expire after this.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Xero's is "minutes" (unconfirmed).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Application errors as the SPEC's 400/404/409 instead of the documented HTTP 200 + <c>&lt;Status&gt;ERROR</c>.
    /// The body is the same XML either way.
    /// </summary>
    public bool SpecStatusCodes { get; set; }

    /// <summary>Refuse API calls whose token lacks the endpoint's scope (401 <c>AuthorizationUnsuccessful</c>; unconfirmed shape).</summary>
    public bool EnforceScopes { get; set; } = true;

    /// <summary>3.0 sent the tax block in the non-detailed list; 3.1 docs list only base fields, links and contacts.</summary>
    public bool ListIncludesTaxFields { get; set; } = true;

    /// <summary>Whether a contact edit bumps its clients' modified time (so <c>modifiedsince</c> sees it). Unconfirmed; off by default.</summary>
    public bool ContactChangesTouchClients { get; set; }

    /// <summary>The person's side of an entity relationship reads "Director of" (third-party report) rather than "Director".</summary>
    public bool ReverseRelationshipLabels { get; set; } = true;

    public SandboxRateLimitOptions RateLimits { get; set; } = new();

    public SandboxFaultOptions Faults { get; set; } = new();
}
