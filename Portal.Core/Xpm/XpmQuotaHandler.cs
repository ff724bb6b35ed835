namespace Portal.Core.Xpm;

/// <summary>The innermost handler: records every reply on the wire, so retried attempts and 429s count too.</summary>
internal sealed class XpmQuotaHandler(XpmQuota quota) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            quota.Record(path, Outcome(response), response.Headers);
            return response;
        }
        catch (Exception ex)
        {
            quota.Record(path, $"failed: {ex.GetType().Name}", null);
            throw;
        }
    }

    private static string Outcome(HttpResponseMessage response)
    {
        var outcome = $"{(int)response.StatusCode} {response.StatusCode}";
        return response.Headers.TryGetValues("X-Rate-Limit-Problem", out var problem)
            ? $"{outcome} ({string.Join(", ", problem)} limit)"
            : outcome;
    }
}
