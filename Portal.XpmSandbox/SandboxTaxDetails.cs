namespace Portal.XpmSandbox;

/// <summary>
/// The tax and practice-management block of a client (present only with the Practice Management module).
/// A null optional field is left out of the XML; blank strings are written as empty elements.
/// </summary>
public sealed record SandboxTaxDetails
{
    public string TaxNumber { get; init; } = "";
    public string CompanyNumber { get; init; } = "";
    public string BusinessNumber { get; init; } = "";
    public string BranchNumber { get; init; } = "";
    public string? BalanceMonth { get; init; }
    public bool GstRegistered { get; init; }
    public bool PrepareGst { get; init; }
    public string? GstPeriod { get; init; }
    public string? GstBasis { get; init; }
    public string? ProvisionalTaxBasis { get; init; }
    public string? ProvisionalTaxRatio { get; init; }
    public bool SignedTaxAuthority { get; init; }
    public string? TaxAgent { get; init; }
    public string AgencyStatus { get; init; } = "Unlinked";
    public string? ReturnType { get; init; }
    public bool PrepareActivityStatement { get; init; }
    public bool PrepareTaxReturn { get; init; }
    public bool AutoBasAnnually { get; init; }
    public bool AutoBasMonthly { get; init; }
    public bool AutoBasQuarterly { get; init; }
    public bool AutoBasOptOut { get; init; } = true;
    public string? BankName { get; init; }
    public bool ActiveAtoClient { get; init; }
    public string? ClientCode { get; init; }
}
