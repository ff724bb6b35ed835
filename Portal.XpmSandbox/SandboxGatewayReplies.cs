using System.Globalization;
using System.Text.Json;

namespace Portal.XpmSandbox;

/// <summary>
/// The Xero gateway's own replies (JSON, not XPM XML), byte for byte in the recorded shape:
/// <c>{"Type":null,"Title":"Unauthorized","Status":401,"Detail":"…","Instance":"&lt;correlation id&gt;","Extensions":{}}</c>.
/// </summary>
internal static class SandboxGatewayReplies
{
    public const string CorrelationHeader = "Xero-Correlation-Id";

    public static IResult Unauthorized(string correlationId, string detail, string challenge = "Bearer error=invalid_token") =>
        new GatewayResult(401, Problem("Unauthorized", 401, detail, correlationId), headers => headers.WWWAuthenticate = challenge);

    /// <summary>Unknown or missing tenant: only <c>X-AppMinLimit-Remaining</c> of the rate-limit headers.</summary>
    public static IResult Forbidden(string correlationId, int appMinuteRemaining) =>
        new GatewayResult(403, Problem("Forbidden", 403, "AuthenticationUnsuccessful", correlationId),
            headers => headers["X-AppMinLimit-Remaining"] = Number(appMinuteRemaining));

    /// <summary>429: empty body, no Content-Type, <c>Retry-After</c> in whole seconds.</summary>
    public static IResult TooManyRequests(SandboxRateDecision decision) =>
        new GatewayResult(429, null, headers =>
        {
            headers.RetryAfter = Number((int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
            headers["X-Rate-Limit-Problem"] = decision.Problem;
            WriteRemaining(headers, decision);
        });

    /// <summary>Injected 500/503. The recorded bodies were hand-made; this shape is a plausible guess.</summary>
    public static IResult ServerError(string correlationId, int status) =>
        new GatewayResult(status, status == 503
            ? Problem("Unavailable", 503, "ServiceNotAvailable", correlationId)
            : Problem("Internal Server Error", 500, "An unexpected error occurred", correlationId));

    public static void WriteRemaining(IHeaderDictionary headers, SandboxRateDecision decision)
    {
        headers["X-DayLimit-Remaining"] = Number(decision.DayRemaining);
        headers["X-MinLimit-Remaining"] = Number(decision.MinuteRemaining);
        headers["X-AppMinLimit-Remaining"] = Number(decision.AppMinuteRemaining);
    }

    private static string Problem(string title, int status, string detail, string instance) =>
        JsonSerializer.Serialize(new { Type = (string?)null, Title = title, Status = status, Detail = detail, Instance = instance, Extensions = new { } });

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class GatewayResult(int status, string? json, Action<IHeaderDictionary>? headers = null) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            headers?.Invoke(response.Headers);
            if (json is null)
            {
                response.ContentLength = 0;
                return;
            }

            response.ContentType = "application/json";
            await response.WriteAsync(json, httpContext.RequestAborted);
        }
    }
}
