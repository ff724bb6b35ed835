namespace Portal.Core.Clients;

/// <summary>The business structures XPM ships with; a practice may add its own, which the portal keeps as text.</summary>
public static class BusinessStructures
{
    public const string Individual = "Individual";

    public static readonly IReadOnlyList<string> Entities =
    [
        "Company",
        "Trust",
        "Discretionary Trust",
        "Unit Trust",
        "Partnership",
        "Sole Trader",
        "Self Managed Superannuation Fund",
    ];

    /// <summary>Anything other than an individual is an entity.</summary>
    public static ClientKind KindOf(string? businessStructure) =>
        string.IsNullOrWhiteSpace(businessStructure) || businessStructure.Trim().Equals(Individual, StringComparison.OrdinalIgnoreCase)
            ? ClientKind.Person
            : ClientKind.Entity;
}
