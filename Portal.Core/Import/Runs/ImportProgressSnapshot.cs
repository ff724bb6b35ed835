namespace Portal.Core.Import.Runs;

/// <summary>A run's state as pages show it. Built from the run row, so a page opening mid-run shows the same thing.</summary>
public sealed record ImportProgressSnapshot(
    int RunId,
    int PracticeId,
    ImportRunKind Kind,
    ImportRunStatus Status,
    string? Phase,
    int ItemsDone,
    int? ItemsTotal,
    int StaffCount,
    int ClientCount,
    int EntityCount,
    string StartedBy,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    string? Error,
    bool CancelRequested,
    int Created = 0,
    int Updated = 0,
    int Linked = 0,
    int Skipped = 0,
    int? FetchRunId = null,
    int ArchivedLeftOut = 0,
    int DeletedLeftOut = 0)
{
    /// <summary>For a fetch that read only what changed: the <c>modifiedsince</c> it asked XPM for.</summary>
    public DateTime? ModifiedSince { get; init; }

    public bool IsActive => Status is ImportRunStatus.Queued or ImportRunStatus.Running;

    /// <summary>0–100 when the total is known (or estimated), else null.</summary>
    public int? Percent => ItemsTotal is > 0 and var total ? Math.Min(100, ItemsDone * 100 / total) : null;

    /// <summary>Time left at the rate so far, when there is a total and some progress.</summary>
    public TimeSpan? EstimateRemaining(DateTime now)
    {
        if (Status != ImportRunStatus.Running || StartedAt is not { } started || ItemsTotal is not > 0 || ItemsDone <= 0 || ItemsDone >= ItemsTotal)
        {
            return null;
        }

        var perItem = (now - started) / ItemsDone;
        return perItem * (ItemsTotal.Value - ItemsDone);
    }

    public static ImportProgressSnapshot From(ImportRun run) => new(
        run.Id, run.PracticeId, run.Kind, run.Status, run.Phase, run.ItemsDone, run.ItemsTotal,
        run.StaffCount, run.ClientCount, run.EntityCount, run.StartedBy,
        run.CreatedAt, run.StartedAt, run.FinishedAt, run.Error, run.CancelRequested,
        run.Created, run.Updated, run.Linked, run.Skipped, run.FetchRunId, run.ArchivedLeftOut, run.DeletedLeftOut)
    {
        ModifiedSince = run.ModifiedSince,
    };
}
