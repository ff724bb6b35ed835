namespace Portal.Core.Import.Runs;

public sealed record ImportHistoryRow(
    int RunId,
    ImportRunStatus Status,
    string StartedBy,
    DateTime CreatedAt,
    DateTime? FinishedAt,
    int SelectedStaff,
    int SelectedClients,
    int SelectedEntities,
    int Created,
    int Linked,
    int Updated,
    int Skipped,
    string? Error);
