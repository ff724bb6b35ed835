namespace Portal.XpmSandbox;

/// <summary>Xero's gateway limits, per tenant per app (and per app across tenants).</summary>
public sealed class SandboxRateLimitOptions
{
    public int PerMinute { get; set; } = 60;

    /// <summary>A rolling 24 hours (Xero's window type is unconfirmed).</summary>
    public int PerDay { get; set; } = 5_000;

    public int Concurrent { get; set; } = 5;

    public int AppPerMinute { get; set; } = 10_000;
}
