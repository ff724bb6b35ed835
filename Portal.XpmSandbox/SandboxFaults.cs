using Microsoft.Extensions.Options;

namespace Portal.XpmSandbox;

/// <summary>
/// Faults for the next API calls, set from configuration (<see cref="SandboxFaultOptions"/>) and changed at run time
/// by tests or the Sandbox page. Queued faults are used once each, first in first out; one with an endpoint
/// (e.g. <c>"client.api/list"</c>, matched as a prefix of the path after <c>…/3.1/</c>) waits for a call to it.
/// Thread-safe.
/// </summary>
public sealed class SandboxFaults
{
    public const string DefaultErrorDescription = "An error occurred in the sandbox (injected fault)";

    private readonly Lock _gate = new();
    private readonly List<(SandboxFaultKind Kind, string? Endpoint)> _queue = [];
    private readonly SandboxFaultOptions _configured;

    public SandboxFaults(IOptions<XpmSandboxOptions> options)
    {
        _configured = options.Value.Faults;
        Reset();
    }

    /// <summary>The <c>Retry-After</c> of injected 429s.</summary>
    public TimeSpan RetryAfter { get; set; }

    /// <summary>Added before every API call is answered.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Added on top of <see cref="Latency"/> to detailed client lists and searches.</summary>
    public TimeSpan DetailedListLatency { get; set; }

    /// <summary>How long an injected <see cref="SandboxFaultKind.SlowReply"/> keeps the caller waiting.</summary>
    public TimeSpan SlowReplyDelay { get; set; }

    /// <summary>When set, access tokens issued from now on live this long (e.g. 2 seconds) instead of 30 minutes.</summary>
    public TimeSpan? AccessTokenLifetime { get; set; }

    public string ErrorDescription { get; set; } = DefaultErrorDescription;

    /// <summary>Faults still queued.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>The next <paramref name="calls"/> API calls (to <paramref name="endpoint"/>, if given) fail with <paramref name="kind"/>.</summary>
    public void InjectNext(SandboxFaultKind kind, int calls = 1, string? endpoint = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        lock (_gate)
        {
            for (var i = 0; i < calls; i++)
            {
                _queue.Add((kind, endpoint?.Trim('/')));
            }
        }
    }

    /// <summary>Takes the first queued fault that applies to this API path (relative to the 3.1 base), if any.</summary>
    public SandboxFaultKind? TakeNext(string apiPath)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(f => f.Endpoint is null || apiPath.StartsWith(f.Endpoint, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var kind = _queue[index].Kind;
            _queue.RemoveAt(index);
            return kind;
        }
    }

    /// <summary>Back to the configured faults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _queue.Clear();
            InjectNext(SandboxFaultKind.TooManyRequests, _configured.TooManyRequests);
            InjectNext(SandboxFaultKind.InternalServerError, _configured.InternalServerError);
            InjectNext(SandboxFaultKind.ServiceUnavailable, _configured.ServiceUnavailable);
            InjectNext(SandboxFaultKind.MalformedXml, _configured.MalformedXml);
            InjectNext(SandboxFaultKind.TruncatedXml, _configured.TruncatedXml);
            InjectNext(SandboxFaultKind.ErrorReply, _configured.ErrorReply);
            InjectNext(SandboxFaultKind.TokenExpired, _configured.TokenExpired);
            InjectNext(SandboxFaultKind.AccessRevoked, _configured.AccessRevoked);
            InjectNext(SandboxFaultKind.SlowReply, _configured.SlowReply);
            InjectNext(SandboxFaultKind.Dtd, _configured.Dtd);
            InjectNext(SandboxFaultKind.ExternalEntity, _configured.ExternalEntity);
            InjectNext(SandboxFaultKind.EntityExpansion, _configured.EntityExpansion);
            InjectNext(SandboxFaultKind.DeepNesting, _configured.DeepNesting);
            RetryAfter = _configured.RetryAfter;
            Latency = _configured.Latency;
            DetailedListLatency = _configured.DetailedListLatency;
            SlowReplyDelay = _configured.SlowReplyDelay;
            AccessTokenLifetime = _configured.AccessTokenLifetime;
            ErrorDescription = DefaultErrorDescription;
        }
    }
}
