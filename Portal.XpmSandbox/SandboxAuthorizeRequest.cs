namespace Portal.XpmSandbox;

/// <summary>A validated <c>/identity/connect/authorize</c> request.</summary>
public sealed record SandboxAuthorizeRequest(string ClientId, string RedirectUri, string Scope, string? State, string? CodeChallenge, string? Nonce);
