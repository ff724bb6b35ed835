using System.Globalization;
using Microsoft.Extensions.Options;

namespace Portal.XpmSandbox;

/// <summary>
/// What Xero's gateway does before XPM sees a call: correlation id, bearer token (401), tenant (403), scope,
/// injected faults, rate limits (429) with the remaining-call headers, and latency.
/// </summary>
internal sealed class SandboxGatewayFilter(
    SandboxIdentity identity,
    SandboxTenants tenants,
    SandboxRateLimiter limiter,
    SandboxFaults faults,
    IOptions<XpmSandboxOptions> options,
    TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var correlationId = Guid.NewGuid().ToString("D");
        http.Response.Headers[SandboxGatewayReplies.CorrelationHeader] = correlationId;
        http.Response.Headers.CacheControl = "max-age=0, no-cache, no-store";
        http.Response.Headers.Pragma = "no-cache";

        var token = BearerToken(http.Request);
        var access = identity.ValidateAccessToken(token);
        switch (access.Status)
        {
            case SandboxAccessStatus.Invalid:
                return SandboxGatewayReplies.Unauthorized(correlationId, "AuthenticationUnsuccessful");
            case SandboxAccessStatus.Expired:
                return SandboxGatewayReplies.Unauthorized(correlationId,
                    "TokenExpired: token expired at " + access.Expires!.Value.UtcDateTime.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture));
        }

        if (!Guid.TryParse(http.Request.Headers["Xero-Tenant-Id"], out var tenantId) ||
            !identity.IsConnected(tenantId) || tenants.Find(tenantId) is not { } practice)
        {
            return SandboxGatewayReplies.Forbidden(correlationId, limiter.AppMinuteRemaining());
        }

        var scope = http.GetEndpoint()?.Metadata.GetMetadata<SandboxScope>();
        if (options.Value.EnforceScopes && scope is not null && !scope.IsGrantedBy(access.Scopes, HttpMethods.IsGet(http.Request.Method)))
        {
            return SandboxGatewayReplies.Unauthorized(correlationId, "AuthorizationUnsuccessful", "Bearer error=insufficient_scope");
        }

        var apiPath = ApiPath(http.Request.Path);
        var fault = faults.TakeNext(apiPath);
        switch (fault)
        {
            case SandboxFaultKind.TooManyRequests:
                return SandboxGatewayReplies.TooManyRequests(limiter.Peek(tenantId) with
                {
                    Allowed = false,
                    Problem = "minute",
                    RetryAfter = faults.RetryAfter,
                    MinuteRemaining = 0,
                });
            case SandboxFaultKind.InternalServerError:
                return SandboxGatewayReplies.ServerError(correlationId, 500);
            case SandboxFaultKind.ServiceUnavailable:
                return SandboxGatewayReplies.ServerError(correlationId, 503);
            case SandboxFaultKind.TokenExpired:
                return SandboxGatewayReplies.Unauthorized(correlationId,
                    "TokenExpired: token expired at " + identity.ExpireAccessToken(token!).UtcDateTime.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture));
            case SandboxFaultKind.AccessRevoked:
                identity.RevokeAccessToken(token!);
                return SandboxGatewayReplies.Unauthorized(correlationId, "AuthenticationUnsuccessful");
            case SandboxFaultKind.SlowReply:
                await Task.Delay(faults.SlowReplyDelay, time, http.RequestAborted);
                break;
        }

        var decision = limiter.TryAcquire(tenantId);
        if (!decision.Allowed)
        {
            return SandboxGatewayReplies.TooManyRequests(decision);
        }

        http.Response.OnCompleted(() =>
        {
            limiter.Release(tenantId);
            return Task.CompletedTask;
        });
        SandboxGatewayReplies.WriteRemaining(http.Response.Headers, decision);

        var latency = faults.Latency + (IsDetailedList(http.Request, apiPath) ? faults.DetailedListLatency : TimeSpan.Zero);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, http.RequestAborted);
        }

        http.Features.Set(new SandboxCall(practice, fault, faults.ErrorDescription, options.Value));
        if (fault == SandboxFaultKind.ErrorReply && scope is not null && !HttpMethods.IsGet(http.Request.Method))
        {
            // <Status>ERROR is XPM refusing the call, so a refused add, update, archive or delete must change nothing.
            // The handlers apply the write before their reply is swapped for the error, so they must not run at all.
            return SandboxXmlResult.Error(WriteApiMethod(apiPath), faults.ErrorDescription);
        }

        return await next(context);
    }

    /// <summary>The <c>api-method</c> of a write: its action, capitalised (<c>client.api/add</c> → <c>Add</c>, <c>client.api/contact/…</c> → <c>Contact</c>).</summary>
    private static string WriteApiMethod(string apiPath) =>
        apiPath.Split('/') is [_, { Length: > 0 } action, ..] ? char.ToUpperInvariant(action[0]) + action[1..] : "Error";

    /// <summary>The path after <c>…/practicemanager/3.1/</c>, e.g. <c>client.api/list</c>.</summary>
    internal static string ApiPath(PathString path)
    {
        var value = path.Value ?? "";
        var at = value.IndexOf(SandboxApiEndpoints.VersionSegment, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? value.Trim('/') : value[(at + SandboxApiEndpoints.VersionSegment.Length)..].Trim('/');
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static bool IsDetailedList(HttpRequest request, string apiPath) =>
        (apiPath.Equals("client.api/list", StringComparison.OrdinalIgnoreCase) || apiPath.Equals("client.api/search", StringComparison.OrdinalIgnoreCase)) &&
        string.Equals(request.Query["detailed"], "true", StringComparison.OrdinalIgnoreCase);
}
