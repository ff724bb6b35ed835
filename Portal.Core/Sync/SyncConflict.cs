using Portal.Core.Import.Plan;

namespace Portal.Core.Sync;

/// <summary>
/// One field of a linked client changed differently in XPM and in the portal since they last agreed, with the field's
/// policy "ask". Nothing was overwritten; a manager resolves it in the Conflicts inbox. At most one open conflict per
/// client and field: a later import refreshes its XPM value.
/// </summary>
public sealed class SyncConflict
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public int ClientId { get; set; }
    public ImportField Field { get; set; }

    /// <summary>The last-synced value, as people read it (null: blank, or never agreed).</summary>
    public string? BaseValue { get; set; }

    public string? PortalValue { get; set; }
    public string? XpmValue { get; set; }

    /// <summary>JSON of XPM's values for the client's synced fields when the conflict was found: "Take XPM" writes from it.</summary>
    public required string XpmValuesJson { get; set; }

    public int? RunId { get; set; }
    public DateTime DetectedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public ConflictResolution? Resolution { get; set; }
    public string? ResolvedBy { get; set; }

    public bool IsOpen => ResolvedAt is null;
}
