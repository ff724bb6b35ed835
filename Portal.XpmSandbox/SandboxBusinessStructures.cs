namespace Portal.XpmSandbox;

/// <summary>The business-structure names the sandbox practice uses (XPM's list is practice-editable free text).</summary>
public static class SandboxBusinessStructures
{
    public const string Individual = "Individual";
    public const string Company = "Company";
    public const string Trust = "Trust";
    public const string DiscretionaryTrust = "Discretionary Trust";
    public const string UnitTrust = "Unit Trust";
    public const string Partnership = "Partnership";
    public const string SoleTrader = "Sole Trader";
    public const string SelfManagedSuperFund = "Self Managed Superannuation Fund";

    public static readonly IReadOnlyList<string> Entities =
        [Company, Trust, DiscretionaryTrust, UnitTrust, Partnership, SoleTrader, SelfManagedSuperFund];
}
