namespace Portal.XpmSandbox;

/// <summary>The client's billing type (XPM's <c>Type</c>): billing terms, not the legal form.</summary>
public sealed record SandboxBillingType(string Name, decimal CostMarkup, string PaymentTerm, int PaymentDay);
