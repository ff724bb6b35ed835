using Portal.Core.Clients;

namespace Portal.Core.LinkedClients;

/// <summary>A row of the Linked clients review.</summary>
public sealed record LinkedClientRow(
    int ClientId,
    string Name,
    string? Email,
    ClientKind Kind,
    Guid? XpmUuid,
    string? MatchReason,
    string? ConfirmedBy,
    DateTime? LinkedAt,
    DateTime? LastSyncedAt,
    bool IsNew,
    bool IsPendingSync,
    bool IsArchivedInXpm);
