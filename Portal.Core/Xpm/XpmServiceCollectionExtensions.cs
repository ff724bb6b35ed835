using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Portal.Core.Xpm;

public static class XpmServiceCollectionExtensions
{
    /// <summary>The name of the typed client's <see cref="HttpClient"/>, for tests that swap the primary handler.</summary>
    public const string HttpClientName = "Xpm";

    /// <summary>
    /// Registers <see cref="IXpmClient"/> with its handler pipeline, outermost first:
    /// <list type="number">
    /// <item>"xpm-rate-limit": waits out a 429's Retry-After (capped by Xpm:MaxRetryAfter) and tries again, for every
    /// method: the gateway refused the call, so XPM never ran it.</item>
    /// <item><see cref="XpmPacingHandler"/>: per tenant, at most Xpm:MaxConcurrentRequests in flight (held until the body
    /// is read) and Xpm:RequestsPerMinute.</item>
    /// <item>"xpm-transient": total timeout, retry with exponential backoff and jitter, circuit breaker, per-attempt
    /// timeout. POSTs are not retried: a 5xx or a timeout may come after XPM created the client or contact, and a
    /// retry would create it twice. GET and PUT (update with the same values) are idempotent.</item>
    /// <item><see cref="XpmQuotaHandler"/>: records rate-limit headers of every attempt in <see cref="XpmQuota"/>.</item>
    /// </list>
    /// A list whose reply breaks part-way is read again as a whole by its consumer through <see cref="XpmListRetry"/>.
    /// <see cref="IXpmTokenSource"/> is not registered here: the XPM connection feature provides it.
    /// </summary>
    public static IServiceCollection AddXpmClient(this IServiceCollection services)
    {
        services.AddOptions<XpmOptions>().BindConfiguration(XpmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<XpmQuota>();
        services.TryAddSingleton<XpmEndpoints>();
        services.TryAddSingleton<XpmRateLimiter>();
        services.TryAddSingleton<XpmListRetry>();
        services.TryAddSingleton(sp => new XpmXmlParser(sp.GetRequiredService<IOptions<XpmOptions>>().Value.MaxResponseBytes));
        services.TryAddTransient<XpmPacingHandler>();
        services.TryAddTransient<XpmQuotaHandler>();

        var http = services.AddHttpClient<IXpmClient, XpmClient>(HttpClientName, (sp, client) =>
            {
                // Resolved per client: a host-provided XPM's address is known only once the server listens.
                // Not configured: no base address, and XpmClient answers XpmNotConfiguredError.
                var endpoints = sp.GetRequiredService<XpmEndpoints>();
                client.BaseAddress = endpoints.IsConfigured ? endpoints.ApiBase : null;
                // The pipeline's timeouts bound the wait for headers and XpmClient bounds the body; HttpClient's own
                // 100-second default would cut a detailed list of a big practice short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Portal-XPM-Client/1.0");
            });
        http.AddResilienceHandler("xpm-rate-limit", (pipeline, context) => AddRateLimitRetry(pipeline, context.ServiceProvider));
        http.AddHttpMessageHandler<XpmPacingHandler>();
        http.AddResilienceHandler("xpm-transient", (pipeline, context) =>
            AddTransientHandling(pipeline, context.ServiceProvider.GetRequiredService<IOptions<XpmOptions>>().Value));
        http.AddHttpMessageHandler<XpmQuotaHandler>();

        return services;
    }

    private static void AddRateLimitRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<XpmOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(XpmClient));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            Name = "xpm-429",
            // A minute-limit 429 is waited out however often it comes: the import must not fail for it.
            // The caller's cancellation still ends the wait.
            MaxRetryAttempts = int.MaxValue,
            ShouldRetryAfterHeader = false,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = options.MaxRetryAfter > TimeSpan.Zero ? options.MaxRetryAfter : TimeSpan.FromSeconds(1),
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
                && !(XpmClient.RetryAfter(response, time) > options.MaxRetryAfter)),
            // Retry-After as XPM asks; without one, the exponential backoff above.
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? XpmClient.RetryAfter(response, time) : null),
            OnRetry = args =>
            {
                logger.LogWarning(
                    "XPM rate limit reached ({RateLimitProblem}); waiting {RetryDelay} before attempt {Attempt}",
                    args.Outcome.Result?.Headers.TryGetValues("X-Rate-Limit-Problem", out var problem) == true ? string.Join(",", problem) : "unspecified",
                    args.RetryDelay,
                    args.AttemptNumber + 2);
                return ValueTask.CompletedTask;
            },
        });
    }

    private static void AddTransientHandling(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, XpmOptions options)
    {
        var attempt = Clamp(options.RequestTimeout, TimeSpan.FromMilliseconds(10));
        var total = Clamp(attempt * (options.MaxRetryAttempts + 1) + TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(10));
        // 5xx, 408, HttpRequestException and attempt timeouts; 429s belong to the outer "xpm-rate-limit" handler.
        static ValueTask<bool> IsTransient(Outcome<HttpResponseMessage> outcome) => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(outcome) && outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "xpm-total-timeout", Timeout = total });
        if (options.MaxRetryAttempts > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                Name = "xpm-retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromMinutes(1),
                ShouldHandle = args => IsTransient(args.Outcome),
            };
            retry.DisableFor(HttpMethod.Post);
            pipeline.AddRetry(retry);
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "xpm-circuit-breaker",
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = Clamp(attempt * 2, TimeSpan.FromSeconds(0.5)),
            BreakDuration = TimeSpan.FromSeconds(30),
            ShouldHandle = args => IsTransient(args.Outcome),
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "xpm-attempt-timeout", Timeout = attempt });
    }

    // Polly refuses timeouts under 10 ms, sampling windows under 0.5 s, and either over a day.
    private static TimeSpan Clamp(TimeSpan value, TimeSpan min) => TimeSpan.FromTicks(Math.Clamp(value.Ticks, min.Ticks, TimeSpan.FromDays(1).Ticks));
}
