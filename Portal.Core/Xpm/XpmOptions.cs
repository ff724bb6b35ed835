using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Xpm;

/// <summary>
/// Settings of the "Xpm" section. An empty <see cref="ApiBaseUrl"/> (the default) means the XPM the host provides, if any
/// (see <see cref="XpmEndpoints"/>); once it is set, the other URLs default to Xero's production endpoints.
/// Nothing here is required while XPM is not configured, so a portal without XPM still starts.
/// </summary>
public sealed class XpmOptions : IValidatableObject
{
    public const string SectionName = "Xpm";

    public const long DefaultMaxResponseBytes = 200L * 1024 * 1024;

    /// <summary>Xero's is https://api.xero.com/practicemanager/3.1/; empty uses the host-provided XPM (<see cref="IXpmEndpointProvider"/>), if any.</summary>
    public string ApiBaseUrl { get; set; } = "";

    [Required]
    public string AuthorizeUrl { get; set; } = "https://login.xero.com/identity/connect/authorize";

    [Required]
    public string TokenUrl { get; set; } = "https://identity.xero.com/connect/token";

    [Required]
    public string ConnectionsUrl { get; set; } = "https://api.xero.com/connections";

    [Required]
    public string RevocationUrl { get; set; } = "https://identity.xero.com/connect/revocation";

    /// <summary>Required once <see cref="ApiBaseUrl"/> points at Xero itself; a host-provided XPM brings its own.</summary>
    public string? ClientId { get; set; }

    /// <summary>A secret: user-secrets or the environment only, never appsettings.json. Empty for PKCE apps.</summary>
    public string? ClientSecret { get; set; }

    [Required]
    public string Scopes { get; set; } = "openid profile email offline_access practicemanager.client practicemanager.staff.read";

    [Required]
    public string CallbackPath { get; set; } = "/configure/integrations/xpm/callback";

    /// <summary>A web host besides Xero's (*.xero.com) whose https <c>WebUrl</c>s are shown as links, e.g. an XPM emulator's.</summary>
    public string? WebHost { get; set; }

    /// <summary>Replies bigger than this are refused; a detailed list of 15,000 clients is around 50 MB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// How long one attempt may wait for XPM's response headers, and separately how long reading a reply's body may
    /// take. Detailed lists of a big practice take minutes to produce.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>XPM allows 5 requests in flight per tenant and app.</summary>
    [Range(1, 100)]
    public int MaxConcurrentRequests { get; set; } = 5;

    /// <summary>XPM allows 60 requests a minute per tenant and app.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Retries of 5xx replies, timeouts and lost connections (never of POSTs, which are not idempotent).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest <c>Retry-After</c> a 429 is waited out for. A minute-limit 429 asks for under a minute; a longer
    /// wait (the daily limit) fails the call with <see cref="XpmRateLimitedError"/> instead of hanging for hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(AuthorizeUrl), AuthorizeUrl), (nameof(TokenUrl), TokenUrl),
                     (nameof(ConnectionsUrl), ConnectionsUrl), (nameof(RevocationUrl), RevocationUrl),
                 })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return new ValidationResult($"Xpm:{name} must be an absolute http(s) URL.", [name]);
            }
        }

        if (!string.IsNullOrWhiteSpace(ApiBaseUrl)
            && (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("Xpm:ApiBaseUrl must be empty (no XPM, or the one the host provides) or an absolute http(s) URL.", [nameof(ApiBaseUrl)]);
        }

        if (IsXero(ApiBaseUrl) && string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult(
                "Xpm:ClientId is required when Xpm:ApiBaseUrl points at Xero; set it with user-secrets or the environment.",
                [nameof(ClientId)]);
        }
    }

    private static bool IsXero(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Host.Equals("xero.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".xero.com", StringComparison.OrdinalIgnoreCase));
}
