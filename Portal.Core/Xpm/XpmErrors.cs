using Portal.Core.Common;

namespace Portal.Core.Xpm;

/// <summary>XPM answered, but with <c>&lt;Status&gt;ERROR&lt;/Status&gt;</c> (usually on HTTP 200).</summary>
public sealed record XpmApplicationError(string Description, int StatusCode = 200)
    : Error($"XPM refused the request: {Description}");

/// <summary>The gateway rejected the access token (HTTP 401), even after one refresh if the token had expired.</summary>
public sealed record XpmUnauthorizedError(string? Detail)
    : Error($"XPM did not accept the portal's access token{Describe(Detail)}. Reconnect XPM under Configure → Integrations.")
{
    private static string Describe(string? detail) => string.IsNullOrWhiteSpace(detail) ? "" : $" ({detail})";
}

/// <summary>HTTP 403: the tenant is unknown, the connection was removed, or the XPM user lacks the privilege.</summary>
public sealed record XpmForbiddenError(string? Detail)
    : Error($"XPM refused access to this practice{Describe(Detail)}. Check that the practice is still connected and that the connecting user may authorise third-party access.")
{
    private static string Describe(string? detail) => string.IsNullOrWhiteSpace(detail) ? "" : $" ({detail})";
}

/// <summary>XPM stayed down (5xx, timeouts, lost connections) after the retries, or the circuit breaker is open.</summary>
public sealed record XpmUnavailableError(string Reason)
    : Error($"XPM is unavailable: {Reason}")
{
    /// <summary>
    /// The reply had begun and then stopped (the connection broke, or reading it passed the deadline): the request can
    /// be repeated as a whole (<see cref="XpmListRetry"/>). False when the request itself failed after the HTTP retries.
    /// </summary>
    public bool CutOff { get; init; }
}

/// <summary>
/// HTTP 429 whose <c>Retry-After</c> is longer than <see cref="XpmOptions.MaxRetryAfter"/> (in practice the daily
/// limit); shorter waits are waited out and never surface.
/// </summary>
public sealed record XpmRateLimitedError(TimeSpan? RetryAfter, string? Problem)
    : Error($"XPM's {Problem ?? "rate"} limit is used up; it asks to wait {RetryAfter?.ToString() ?? "an unknown time"} before the next call.");

/// <summary>The reply claimed to be XML but is malformed, truncated, has a DTD, nests too deep, or is not an XPM reply.</summary>
public sealed record XpmMalformedResponseError(string Reason)
    : Error($"XPM sent a reply the portal cannot read: {Reason}")
{
    /// <summary>
    /// The body ended before its XML did (a reply cut off in transit): repeating the request may give the whole of it.
    /// False for XML that is broken in itself, a DTD, or too deep: XPM would send the same again.
    /// </summary>
    public bool CutOff { get; init; }
}

/// <summary>The reply is not XML at all (an HTML error page, JSON…) or has a status code the portal does not expect.</summary>
public sealed record XpmUnexpectedResponseError(int StatusCode, string? ContentType, string? Detail = null)
    : Error($"XPM answered HTTP {StatusCode} with {(string.IsNullOrEmpty(ContentType) ? "no content type" : ContentType)} instead of XML{(string.IsNullOrWhiteSpace(Detail) ? "" : $" ({Detail})")}.");

/// <summary>The reply is bigger than <see cref="XpmOptions.MaxResponseBytes"/>.</summary>
public sealed record XpmResponseTooLargeError(long MaxResponseBytes)
    : Error($"XPM's reply is larger than the configured limit of {MaxResponseBytes:N0} bytes (Xpm:MaxResponseBytes).");

/// <summary>Neither <c>Xpm:ApiBaseUrl</c> is set nor does the host provide an XPM: there is nothing to connect to.</summary>
public sealed record XpmNotConfiguredError()
    : Error("Xero Practice Manager is not configured: set Xpm:ApiBaseUrl, Xpm:ClientId and Xpm:ClientSecret.");

/// <summary>
/// A list reply was cut off on every try (<see cref="XpmListRetry"/>): the last try's error and how many tries were made.
/// </summary>
public sealed record XpmListIncompleteError(string List, int Tries, Error LastError)
    : Error($"{LastError.Message.TrimEnd('.', ' ')}. Gave up on the {List} after {Tries} {(Tries == 1 ? "try" : "tries")}.");
