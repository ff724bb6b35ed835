namespace Portal.XpmSandbox;

public enum SandboxAccessStatus
{
    Invalid,
    Expired,
    Valid,
}

/// <summary>What a bearer token allows: its scopes, or why it allows nothing.</summary>
public sealed record SandboxAccess(SandboxAccessStatus Status, IReadOnlyList<string> Scopes, DateTimeOffset? Expires);
