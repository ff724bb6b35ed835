using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Portal.Core.Common;

namespace Portal.Core.Xpm.Connection;

/// <summary>Xero's OAuth2 endpoints: code exchange, refresh, revocation and connections. Tokens are never logged.</summary>
public sealed class XeroIdentityClient(HttpClient http, XpmEndpoints endpoints, ILogger<XeroIdentityClient> logger)
{
    /// <summary>
    /// Marks a request the resilience pipeline must send once only. An authorization code is single-use: if Xero
    /// answered and the reply was lost, a retry fails <c>invalid_grant</c> and hides what happened. A refresh may be
    /// retried (Xero accepts the previous refresh token again for 30 minutes), and so may revocation (idempotent) and GETs.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> SendOnce = new("Portal.Xpm.SendOnce");

    public Task<Result<XeroTokenSet>> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        }, sendOnce: true, cancellationToken);

    public Task<Result<XeroTokenSet>> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, sendOnce: false, cancellationToken);

    /// <summary>Whether the resilience pipeline may send this request again after a transient failure.</summary>
    public static bool MayRetry(HttpRequestMessage? request) =>
        request is not null && !(request.Options.TryGetValue(SendOnce, out var once) && once);

    public async Task<Result<IReadOnlyList<XeroTenant>>> GetConnectionsAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoints.ConnectionsUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new XpmIdentityError($"listing connections answered {(int)response.StatusCode}.");
            }

            var tenants = await response.Content.ReadFromJsonAsync<List<XeroTenant>>(cancellationToken);
            return tenants ?? [];
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Listing Xero connections failed");
            return new XpmIdentityError("Xero could not be reached to list connections.");
        }
    }

    /// <summary>Revokes the refresh token (and with it the app's access to the tenant).</summary>
    public async Task<Result<bool>> RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoints.RevocationUrl)
        {
            Content = new FormUrlEncodedContent(WithClientId(new() { ["token"] = refreshToken })),
        };
        AddClientAuthentication(request);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? true : new XpmIdentityError($"revocation answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Revoking the Xero token failed");
            return new XpmIdentityError("Xero could not be reached to revoke access.");
        }
    }

    private async Task<Result<XeroTokenSet>> RequestTokenAsync(Dictionary<string, string> form, bool sendOnce, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoints.TokenUrl)
        {
            Content = new FormUrlEncodedContent(WithClientId(form)),
        };
        request.Options.Set(SendOnce, sendOnce);
        AddClientAuthentication(request);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var tokens = await response.Content.ReadFromJsonAsync<XeroTokenSet>(cancellationToken);
                return tokens is { AccessToken.Length: > 0, RefreshToken.Length: > 0 }
                    ? tokens
                    : new XpmIdentityError("the token reply had no tokens.");
            }

            var error = await ReadOAuthErrorAsync(response, cancellationToken);
            logger.LogWarning("Xero token endpoint refused {GrantType}: {StatusCode} {Error}", form["grant_type"], (int)response.StatusCode, error);
            return error == "invalid_grant"
                ? new XpmRefreshRefusedError(error)
                : new XpmIdentityError($"the token endpoint answered {(int)response.StatusCode} {error}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Xero token endpoint could not be reached");
            return new XpmIdentityError("Xero could not be reached.");
        }
    }

    /// <summary>Without a secret (a PKCE-only app) the client id goes in the body; with one, in Basic auth.</summary>
    private Dictionary<string, string> WithClientId(Dictionary<string, string> form)
    {
        if (endpoints.ClientSecret is null)
        {
            form["client_id"] = endpoints.ClientId;
        }

        return form;
    }

    private void AddClientAuthentication(HttpRequestMessage request)
    {
        if (endpoints.ClientSecret is { } secret)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{endpoints.ClientId}:{secret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    private static async Task<string> ReadOAuthErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) ? error.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return response.StatusCode == HttpStatusCode.BadRequest ? "bad request" : "";
        }
    }
}
