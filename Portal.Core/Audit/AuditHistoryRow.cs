namespace Portal.Core.Audit;

/// <summary>One field change as the History tab and its CSV show it.</summary>
public sealed record AuditHistoryRow(
    long Id,
    int RecordId,
    string Field,
    string? OldValue,
    string? NewValue,
    AuditSource Source,
    int? RunId,
    string ChangedBy,
    DateTime ChangedAt);
