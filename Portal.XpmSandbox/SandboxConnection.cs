namespace Portal.XpmSandbox;

/// <summary>One <c>/connections</c> entry: the app's link to a practice (tenant).</summary>
public sealed record SandboxConnection(
    Guid Id,
    Guid AuthEventId,
    Guid TenantId,
    string TenantType,
    string TenantName,
    DateTime CreatedDateUtc,
    DateTime UpdatedDateUtc);
