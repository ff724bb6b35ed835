using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Portal.Xpm;

/// <summary>
/// Stands in for the network under the real XPM handler pipeline: replies are queued per test, every request is
/// recorded, and requests in flight are counted.
/// </summary>
internal sealed class StubXpmHandler(TimeProvider? time = null) : HttpMessageHandler
{
    public delegate Task<HttpResponseMessage> Responder(RecordedRequest request, CancellationToken cancellationToken);

    private readonly ConcurrentQueue<Responder> _replies = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private Responder? _fallback;
    private int _inFlight;
    private int _maxInFlight;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public StubXpmHandler Reply(Responder responder)
    {
        _replies.Enqueue(responder);
        return this;
    }

    public StubXpmHandler Reply(Func<HttpResponseMessage> response) => Reply((_, _) => Task.FromResult(response()));

    public StubXpmHandler ReplyFixture(string fixture, string contentType = "text/xml; charset=utf-8", HttpStatusCode status = HttpStatusCode.OK) =>
        Reply(() => Fixture(fixture, contentType, status));

    /// <summary>Used once the queue is empty.</summary>
    public StubXpmHandler Always(Responder responder)
    {
        _fallback = responder;
        return this;
    }

    public StubXpmHandler Always(Func<HttpResponseMessage> response) => Always((_, _) => Task.FromResult(response()));

    /// <summary>Completes once <paramref name="count"/> requests have arrived (no polling, no fixed delays).</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_requests)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public static HttpResponseMessage Fixture(string fixture, string contentType = "text/xml; charset=utf-8", HttpStatusCode status = HttpStatusCode.OK) =>
        Bytes(XpmFixture.Bytes(fixture), contentType, status);

    public static HttpResponseMessage Text(string body, string contentType = "text/xml; charset=utf-8", HttpStatusCode status = HttpStatusCode.OK) =>
        Bytes(Encoding.UTF8.GetBytes(body), contentType, status);

    public static HttpResponseMessage Bytes(byte[] body, string? contentType, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return new HttpResponseMessage(status) { Content = content };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("Xero-Tenant-Id", out var tenant) ? tenant.Single() : null,
            request.Content?.Headers.ContentType?.ToString(),
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            (time ?? TimeProvider.System).GetUtcNow());

        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        try
        {
            Record(recorded);
            var responder = _replies.TryDequeue(out var queued) ? queued : _fallback
                ?? throw new InvalidOperationException($"No reply queued for {request.Method} {request.RequestUri}.");
            var response = await responder(recorded, cancellationToken);
            response.RequestMessage = request;
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void Record(RecordedRequest recorded)
    {
        List<TaskCompletionSource> ready = [];
        lock (_requests)
        {
            _requests.Add(recorded);
            foreach (var waiter in _waiters.Where(w => w.Count <= _requests.Count).ToList())
            {
                _waiters.Remove(waiter);
                ready.Add(waiter.Signal);
            }
        }

        ready.ForEach(signal => signal.TrySetResult());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
