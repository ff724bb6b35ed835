using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Portal.Core.Common;

namespace Portal.Core.Xpm;

/// <summary>
/// Reads a whole XPM list again when its reply was cut off part-way (the body ended early, the connection broke, or
/// reading it passed Xpm:RequestTimeout). A GET is safe to repeat, and <c>client.api/list</c> is not paged, so the only
/// way to finish a broken one is to ask for all of it again.
/// </summary>
/// <remarks>
/// <para>
/// The retry lives with the caller that consumes the stream (the fetch), not inside <see cref="XpmClient"/>: items are
/// handed out while the reply downloads, so only the consumer can discard what a broken try gave it. Buffering the list
/// in the client instead would hold 50,000 clients in memory.
/// </para>
/// <para>
/// Tries and back-off are the HTTP retries' own: <see cref="XpmOptions.MaxRetryAttempts"/> repeats after the first try,
/// waiting <see cref="XpmOptions.RetryDelay"/> and growing exponentially, with jitter. Every try is a normal request, so
/// pacing and 429 waits keep it within XPM's limits. Failures before a reply began (5xx, timeouts waiting for
/// headers, 401/403, <c>&lt;Status&gt;ERROR</c>) were already retried or are not worth repeating, and broken XML, a
/// DTD or an over-size reply would come back the same: none of those is repeated here.
/// </para>
/// </remarks>
public sealed class XpmListRetry
{
    private readonly ResiliencePipeline<Error?> _pipeline;

    public XpmListRetry(IOptions<XpmOptions> options, TimeProvider time, ILogger<XpmListRetry> logger)
    {
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<Error?> { TimeProvider = time };
        if (o.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Error?>
            {
                Name = "xpm-list-retry",
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryDelay,
                MaxDelay = TimeSpan.FromMinutes(1),
                ShouldHandle = args => ValueTask.FromResult(IsCutOff(args.Outcome.Result)),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "XPM's list reply was cut off ({ErrorType}); reading the whole list again in {RetryDelay} (try {Try} of {Tries})",
                        args.Outcome.Result?.GetType().Name, args.RetryDelay, args.AttemptNumber + 2, o.MaxRetryAttempts + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>
    /// Runs <paramref name="tryOnce"/> (given the try number, from 1) until it returns null, fails in a way a repeat
    /// cannot mend, or the tries run out. A cut-off error that used up the tries comes back as
    /// <see cref="XpmListIncompleteError"/>, saying how many were made; any other error as it was.
    /// </summary>
    public async Task<Error?> ReadAsync(string list, Func<int, CancellationToken, ValueTask<Error?>> tryOnce, CancellationToken cancellationToken)
    {
        var tries = 0;
        var error = await _pipeline.ExecuteAsync(token => tryOnce(++tries, token), cancellationToken).ConfigureAwait(false);
        return IsCutOff(error) ? new XpmListIncompleteError(list, tries, error!) : error;
    }

    /// <summary>The reply began and then stopped short: asking again may give all of it.</summary>
    public static bool IsCutOff(Error? error) =>
        error is XpmMalformedResponseError { CutOff: true } or XpmUnavailableError { CutOff: true };
}
