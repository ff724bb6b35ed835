namespace Portal.Core.Clients;

/// <summary>A row of the Clients list.</summary>
public sealed record ClientSummary(
    int Id,
    string Name,
    string? Email,
    string? Phone,
    ClientKind Kind,
    string? BusinessStructure,
    bool IsLinked,
    bool IsNew,
    bool IsPendingSync = false,
    bool IsArchived = false);
