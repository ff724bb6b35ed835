using Portal.Core.Import.Plan;

namespace Portal.Core.Import.Runs;

/// <summary>One import on the Manage page's history; <see cref="FetchRunId"/> opens its review, which shows the outcome.</summary>
public sealed record ImportHistoryRow(
    int RunId,
    int? FetchRunId,
    ImportRunStatus Status,
    string StartedBy,
    DateTime CreatedAt,
    DateTime? FinishedAt,
    int SelectedStaff,
    int SelectedClients,
    int SelectedEntities,
    ImportDetailLevel DetailLevel,
    int Created,
    int Linked,
    int Updated,
    int Skipped,
    string? Error);
