namespace Portal.XpmSandbox;

/// <summary>Endpoint metadata: the XPM resource whose scope a call needs (<c>practicemanager.client</c>, <c>.staff</c>, …).</summary>
internal sealed record SandboxScope(string Resource)
{
    public static readonly SandboxScope Client = new("client");
    public static readonly SandboxScope Staff = new("staff");

    /// <summary>The resource's scope, its <c>.read</c> variant for GETs, or the older broad scopes.</summary>
    public bool IsGrantedBy(IReadOnlyList<string> scopes, bool read) =>
        scopes.Contains($"practicemanager.{Resource}") || scopes.Contains("practicemanager") ||
        (read && (scopes.Contains($"practicemanager.{Resource}.read") || scopes.Contains("practicemanager.read")));
}
