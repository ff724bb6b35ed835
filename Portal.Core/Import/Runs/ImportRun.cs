using Portal.Core.Import.Plan;

namespace Portal.Core.Import.Runs;

/// <summary>
/// One durable background run. The row is the truth that survives a reload or a restart; live progress is a view of it.
/// </summary>
public sealed class ImportRun
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public ImportRunKind Kind { get; set; }
    public ImportRunStatus Status { get; set; }
    public required string StartedBy { get; set; }
    public string? StartedByEmail { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>What the run is doing now, in words ("Reading clients").</summary>
    public string? Phase { get; set; }

    public int ItemsDone { get; set; }

    /// <summary>Known for an import; for a fetch, estimated from the previous fetch (XPM's list is not paged, so it gives no total).</summary>
    public int? ItemsTotal { get; set; }

    /// <summary>For a fetch: the staff, people and entities it offers for review.</summary>
    public int StaffCount { get; set; }

    public int ClientCount { get; set; }
    public int EntityCount { get; set; }

    /// <summary>For a fetch: clients read from XPM but left out of the review because XPM has them archived (and not deleted).</summary>
    public int ArchivedLeftOut { get; set; }

    /// <summary>For a fetch: clients read from XPM but left out of the review because XPM has them deleted.</summary>
    public int DeletedLeftOut { get; set; }

    /// <summary>For an import: what was selected (staff, clients, entities) when it was confirmed.</summary>
    public int SelectedStaff { get; set; }

    public int SelectedClients { get; set; }
    public int SelectedEntities { get; set; }

    public int Created { get; set; }
    public int Updated { get; set; }
    public int Linked { get; set; }
    public int Skipped { get; set; }

    /// <summary>For an import: linked clients archived because XPM has them archived or deleted, and restored because XPM restored them.</summary>
    public int Archived { get; set; }

    public int Restored { get; set; }

    public string? Error { get; set; }
    public bool CancelRequested { get; set; }

    /// <summary>How many times a worker has started this run (a restart mid-run starts it again).</summary>
    public int Attempts { get; set; }

    /// <summary>For an import: the fetch whose staged selection it applies. While it is queued or running, and once it has succeeded, that selection is frozen.</summary>
    public int? FetchRunId { get; set; }

    /// <summary>For a fetch: the review step reached ("Save and continue" saves it), so a return resumes there.</summary>
    public int ReviewStep { get; set; }

    /// <summary>For a fetch: basic details or all contact details, as chosen on the Clients step. For an import: the level it was confirmed with.</summary>
    public ImportDetailLevel DetailLevel { get; set; } = ImportDetailLevel.AllContactDetails;

    /// <summary>For a fetch: "Full re-import" was asked for, so every client is read even after an import.</summary>
    public bool FullReimport { get; set; }

    /// <summary>For a fetch: it read only clients XPM changed since this time (UTC); null when it read them all.</summary>
    public DateTime? ModifiedSince { get; set; }

    /// <summary>For an undo: the import run it takes back.</summary>
    public int? UndoOfRunId { get; set; }

    /// <summary>For an undo: records the import created that were removed.</summary>
    public int Removed { get; set; }

    /// <summary>The node working the run (<c>Import:NodeId</c>, else machine and process), while it holds the lease.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when the lease holds; the working node renews it. Past it, another node takes the run over.</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    public bool IsActive => Status is ImportRunStatus.Queued or ImportRunStatus.Running;
}
