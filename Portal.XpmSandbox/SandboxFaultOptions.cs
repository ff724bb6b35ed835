namespace Portal.XpmSandbox;

/// <summary>
/// Faults from start-up: each count is "the first N API calls" of that kind, in the order listed.
/// At run time use <see cref="SandboxFaults"/>.
/// </summary>
public sealed class SandboxFaultOptions
{
    public int TooManyRequests { get; set; }

    public int InternalServerError { get; set; }

    public int ServiceUnavailable { get; set; }

    public int MalformedXml { get; set; }

    public int TruncatedXml { get; set; }

    public int ErrorReply { get; set; }

    public int TokenExpired { get; set; }

    public int AccessRevoked { get; set; }

    public int SlowReply { get; set; }

    public int Dtd { get; set; }

    public int ExternalEntity { get; set; }

    public int EntityExpansion { get; set; }

    public int DeepNesting { get; set; }

    /// <summary>How long an injected <see cref="SandboxFaultKind.SlowReply"/> keeps the caller waiting.</summary>
    public TimeSpan SlowReplyDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The <c>Retry-After</c> of an injected 429.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Added to every API call.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Added to detailed client lists and searches on top of <see cref="Latency"/> (the real ones are slow).</summary>
    public TimeSpan DetailedListLatency { get; set; }

    /// <summary>Overrides <see cref="XpmSandboxOptions.AccessTokenLifetime"/> for tokens issued from now on.</summary>
    public TimeSpan? AccessTokenLifetime { get; set; }
}
