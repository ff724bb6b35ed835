using System.Net;

namespace Portal.Core.Xpm;

/// <summary>
/// Holds one of the tenant's concurrent-request slots from before the request until the response body is disposed.
/// XPM counts a request as in flight while its (possibly minutes-long) body streams, so releasing the slot when the
/// headers arrive, as a Polly rate limiter would, could put more than five requests in flight.
/// </summary>
internal sealed class XpmPacingHandler(XpmRateLimiter limiter) : DelegatingHandler
{
    public const string TenantHeader = "Xero-Tenant-Id";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tenant = request.Headers.TryGetValues(TenantHeader, out var values) ? values.FirstOrDefault() ?? "" : "";
        var lease = await limiter.AcquireAsync(tenant, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.Content = new LeasedContent(response.Content, lease);
            return response;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>The response content, unchanged, plus the slot to release when it is disposed.</summary>
    private sealed class LeasedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private IDisposable? _lease;

        public LeasedContent(HttpContent inner, IDisposable lease)
        {
            _inner = inner;
            _lease = lease;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            _inner.CopyToAsync(stream, cancellationToken);

        protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

        protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => _inner.ReadAsStream(cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? 0;
            return _inner.Headers.ContentLength.HasValue;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                Interlocked.Exchange(ref _lease, null)?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
