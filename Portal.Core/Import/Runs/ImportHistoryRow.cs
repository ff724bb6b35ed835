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
    string? Error)
{
    /// <summary>The undo of this import, when one is queued, running or done.</summary>
    public UndoState? Undo { get; init; }

    /// <summary>Can be undone now (by a manager): finished, not undone yet, within <see cref="ImportService.UndoDays"/> days.</summary>
    public bool CanUndo(DateTime now) =>
        Undo is null && Status is not (ImportRunStatus.Queued or ImportRunStatus.Running)
        && (FinishedAt ?? CreatedAt) >= now.AddDays(-ImportService.UndoDays);

    public sealed record UndoState(int RunId, ImportRunStatus Status, int Removed, int Reverted, int Archived, int Kept);
}
