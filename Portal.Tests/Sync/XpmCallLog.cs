using System.Collections.Concurrent;

namespace Portal.Sync;

/// <summary>The XPM requests the portal sent, innermost in its handler pipeline (so each retry counts).</summary>
internal sealed class XpmCallLog
{
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<string> _bodies = new();

    /// <summary>The bodies of the requests that had one (PUT and POST), in order.</summary>
    public IReadOnlyList<string> Bodies => [.. _bodies];

    public IReadOnlyList<string> All => [.. _calls];

    public void Clear()
    {
        _calls.Clear();
        _bodies.Clear();
    }

    public int Count(string method, string pathPart) => All.Count(c => c.StartsWith(method + " ", StringComparison.Ordinal) && c.Contains(pathPart, StringComparison.Ordinal));

    internal sealed class Handler(XpmCallLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log._calls.Enqueue($"{request.Method} {request.RequestUri?.PathAndQuery}");
            if (request.Content is { } content)
            {
                log._bodies.Enqueue(await content.ReadAsStringAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
