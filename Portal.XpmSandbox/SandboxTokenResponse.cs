using System.Text.Json.Serialization;

namespace Portal.XpmSandbox;

/// <summary>The token endpoint's JSON reply, as Xero's.</summary>
public sealed record SandboxTokenResponse(
    [property: JsonPropertyName("id_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdToken,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>A token reply or an OAuth error code (<c>invalid_grant</c>, <c>invalid_client</c>, …).</summary>
public sealed record SandboxTokenResult(SandboxTokenResponse? Response, string? Error)
{
    public static SandboxTokenResult Ok(SandboxTokenResponse response) => new(response, null);

    public static SandboxTokenResult Fail(string error) => new(null, error);
}
