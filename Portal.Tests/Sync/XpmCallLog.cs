using System.Collections.Concurrent;

namespace Portal.Sync;

/// <summary>The XPM requests the portal sent, innermost in its handler pipeline (so each retry counts).</summary>
internal sealed class XpmCallLog
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> All => [.. _calls];

    public void Clear() => _calls.Clear();

    public int Count(string method, string pathPart) => All.Count(c => c.StartsWith(method + " ", StringComparison.Ordinal) && c.Contains(pathPart, StringComparison.Ordinal));

    internal sealed class Handler(XpmCallLog log) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log._calls.Enqueue($"{request.Method} {request.RequestUri?.PathAndQuery}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
