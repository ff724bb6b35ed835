using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Portal.XpmSandbox;

/// <summary>
/// Xero's OAuth2 / OpenID Connect endpoints and <c>/connections</c>:
/// <c>/identity/connect/authorize</c> (consent page), <c>/connect/token</c>, <c>/connect/revocation</c>, <c>/connections</c>.
/// </summary>
internal static class SandboxIdentityEndpoints
{
    public const string AuthorizePath = "/identity/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string RevocationPath = "/connect/revocation";
    public const string ConnectionsPath = "/connections";

    public static void MapSandboxIdentity(this RouteGroupBuilder sandbox)
    {
        // The consent page stands in for signing in to Xero: a signed-in member of the host's staff.
        sandbox.MapGet(AuthorizePath, Authorize).RequireAuthorization(XpmSandboxExtensions.StaffPolicy);
        sandbox.MapPost(AuthorizePath, ConsentAsync).RequireAuthorization(XpmSandboxExtensions.StaffPolicy);
        // The portal's server calls these, with the app's credentials or a bearer token instead of a sign-in.
        sandbox.MapPost(TokenPath, TokenAsync).AllowAnonymous();
        sandbox.MapPost(RevocationPath, RevokeAsync).AllowAnonymous();
        sandbox.MapGet(ConnectionsPath, Connections).AllowAnonymous();
        sandbox.MapDelete(ConnectionsPath + "/{id}", Disconnect).AllowAnonymous();
    }

    /// <summary>
    /// Checks the request; a bad client or an unregistered redirect URI gets an error page (never a redirect), anything
    /// else wrong redirects back with <c>error=</c>. Then the consent page, or with <see cref="XpmSandboxOptions.AutoConsent"/> the code.
    /// </summary>
    private static IResult Authorize(
        HttpContext http, SandboxIdentity identity, SandboxTenants tenants, SandboxRedirectUris redirectUris, IOptions<XpmSandboxOptions> options)
    {
        var query = http.Request.Query;
        var clientId = query["client_id"].ToString();
        var redirectUri = query["redirect_uri"].ToString();
        if (!identity.IsKnownClient(clientId))
        {
            return SandboxConsentPage.Error("unauthorized_client", "Unknown client_id. The sandbox app's client id is in the XpmSandbox:ClientId setting.");
        }

        if (!redirectUris.IsRegistered(redirectUri))
        {
            return SandboxConsentPage.Error("invalid_request",
                $"redirect_uri is not registered for this app. Registered: {string.Join(", ", redirectUris.Registered)} (XpmSandbox:RedirectUris).");
        }

        var state = Optional(query["state"]);
        var scope = string.Join(' ', query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (query["response_type"] != "code")
        {
            return RedirectWithError(redirectUri, "unsupported_response_type", state);
        }

        if (!scope.Split(' ').Contains("openid"))
        {
            return RedirectWithError(redirectUri, "invalid_scope", state);
        }

        var challenge = Optional(query["code_challenge"]);
        if (challenge is not null && (query["code_challenge_method"] != "S256" || !SandboxPkce.IsValidChallenge(challenge)))
        {
            return RedirectWithError(redirectUri, "invalid_request", state);
        }

        var request = new SandboxAuthorizeRequest(clientId, redirectUri, scope, state, challenge, Optional(query["nonce"]));
        if (options.Value.AutoConsent)
        {
            return RedirectWithCode(request, identity.Consent(request));
        }

        var action = $"{http.Request.PathBase}{http.Request.Path}";
        return SandboxConsentPage.Render(request, identity.BeginConsent(request), tenants.All.Select(p => p.Name).ToList(), action, http.User.Identity?.Name);
    }

    /// <summary>The consent form: <c>request</c> (the parked request's id) and <c>decision</c> (<c>allow</c> or anything else).</summary>
    private static async Task<IResult> ConsentAsync(HttpContext http, SandboxIdentity identity)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        var request = identity.TakeConsent(form["request"]);
        if (request is null)
        {
            return SandboxConsentPage.Error("invalid_request", "This consent request is unknown or has expired. Start the connection again.");
        }

        return form["decision"] == "allow"
            ? RedirectWithCode(request, identity.Consent(request))
            : RedirectWithError(request.RedirectUri, "access_denied", request.State);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, SandboxIdentity identity, SandboxRedirectUris redirectUris)
    {
        if (!http.Request.HasFormContentType)
        {
            return TokenError("invalid_request");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (Authenticate(http.Request, form, identity) is not { } client)
        {
            return TokenError("invalid_client");
        }

        var issuer = Issuer(http.Request);
        var result = form["grant_type"].ToString() switch
        {
            "authorization_code" when !redirectUris.IsRegistered(Optional(form["redirect_uri"])) => SandboxTokenResult.Fail("invalid_grant"),
            "authorization_code" => identity.RedeemCode(Optional(form["code"]), client.Id, client.Authenticated, Optional(form["redirect_uri"]), Optional(form["code_verifier"]), issuer),
            "refresh_token" => identity.Refresh(Optional(form["refresh_token"]), client.Id, issuer),
            _ => SandboxTokenResult.Fail("unsupported_grant_type"),
        };
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        return result.Response is { } response ? Results.Json(response) : TokenError(result.Error!);
    }

    /// <summary>RFC 7009: 200 whether or not the token was known.</summary>
    private static async Task<IResult> RevokeAsync(HttpContext http, SandboxIdentity identity)
    {
        if (!http.Request.HasFormContentType)
        {
            return TokenError("invalid_request");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (Authenticate(http.Request, form, identity) is not { } client)
        {
            return TokenError("invalid_client");
        }

        if (Optional(form["token"]) is not { } token)
        {
            return TokenError("invalid_request");
        }

        identity.Revoke(token, client.Id);
        return Results.Ok();
    }

    private static IResult Connections(HttpContext http, SandboxIdentity identity)
    {
        if (Unauthorized(http, identity) is { } refused)
        {
            return refused;
        }

        Guid? authEventId = Guid.TryParse(http.Request.Query["authEventId"], out var parsed) ? parsed : null;
        return Results.Json(identity.Connections(authEventId).Select(c => new
        {
            id = c.Id,
            authEventId = c.AuthEventId,
            tenantId = c.TenantId,
            tenantType = c.TenantType,
            tenantName = c.TenantName,
            createdDateUtc = c.CreatedDateUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            updatedDateUtc = c.UpdatedDateUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        }));
    }

    private static IResult Disconnect(HttpContext http, SandboxIdentity identity, string id)
    {
        if (Unauthorized(http, identity) is { } refused)
        {
            return refused;
        }

        return Guid.TryParse(id, out var connectionId) && identity.Disconnect(connectionId) ? Results.NoContent() : Results.NotFound();
    }

    /// <summary>The gateway's 401 for <c>/connections</c> (bearer only, no tenant).</summary>
    private static IResult? Unauthorized(HttpContext http, SandboxIdentity identity)
    {
        var correlationId = Guid.NewGuid().ToString("D");
        http.Response.Headers[SandboxGatewayReplies.CorrelationHeader] = correlationId;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var access = identity.ValidateAccessToken(token);
        return access.Status switch
        {
            SandboxAccessStatus.Valid => null,
            SandboxAccessStatus.Expired => SandboxGatewayReplies.Unauthorized(correlationId,
                "TokenExpired: token expired at " + access.Expires!.Value.UtcDateTime.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture)),
            _ => SandboxGatewayReplies.Unauthorized(correlationId, "AuthenticationUnsuccessful"),
        };
    }

    /// <summary>
    /// Client authentication: HTTP Basic <c>client_id:client_secret</c>, or <c>client_id</c> (+ <c>client_secret</c>) in the body.
    /// A client with no secret is a PKCE client (<c>Authenticated</c> false). Null when the client or secret is wrong.
    /// </summary>
    private static (string Id, bool Authenticated)? Authenticate(HttpRequest request, IFormCollection form, SandboxIdentity identity)
    {
        string? id = Optional(form["client_id"]);
        string? secret = Optional(form["client_secret"]);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            }
            catch (FormatException)
            {
                return null;
            }

            var colon = decoded.IndexOf(':');
            if (colon < 0 || (id is not null && id != Uri.UnescapeDataString(decoded[..colon])))
            {
                return null;
            }

            id = Uri.UnescapeDataString(decoded[..colon]);
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..]);
        }

        if (!identity.IsKnownClient(id))
        {
            return null;
        }

        if (secret is null)
        {
            return (id!, false);
        }

        return identity.IsClientSecret(id, secret) ? (id!, true) : null;
    }

    private static IResult RedirectWithCode(SandboxAuthorizeRequest request, string code)
    {
        var parameters = new Dictionary<string, string?> { ["code"] = code, ["scope"] = request.Scope };
        if (request.State is not null)
        {
            parameters["state"] = request.State;
        }

        parameters["session_state"] = Guid.NewGuid().ToString("N");
        return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri, parameters));
    }

    private static IResult RedirectWithError(string redirectUri, string error, string? state)
    {
        var parameters = new Dictionary<string, string?> { ["error"] = error };
        if (state is not null)
        {
            parameters["state"] = state;
        }

        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters));
    }

    private static IResult TokenError(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    private static string Issuer(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{XpmSandboxExtensions.PathPrefix}/identity";

    private static string? Optional(StringValues value) => StringValues.IsNullOrEmpty(value) ? null : value.ToString();
}
