namespace Portal.Core.Sync;

/// <summary>
/// One client of a "Sync data to Xero Practice Manager" run and what became of it. The rows are written when the run
/// is confirmed (the selection is frozen) and each is committed as its client is done, so a run killed mid-way and
/// started again knows exactly which clients are finished, and which one it was sending when it stopped.
/// </summary>
public sealed class SyncRunItem
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public int ClientId { get; set; }
    public required string Name { get; set; }
    public SyncAction Action { get; set; }
    public SyncItemState State { get; set; }

    /// <summary>The fields sent (labels, comma-separated), once sent.</summary>
    public string? Fields { get; set; }

    public string? Error { get; set; }

    /// <summary>When the write was about to be sent: a resumed run looks for a write landed since then.</summary>
    public DateTime? SendingAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}

public enum SyncAction
{
    /// <summary>A linked client: <c>client.api/update</c> with its pending fields (and a contact update for a person's mobile).</summary>
    Update,

    /// <summary>An unlinked portal client: <c>client.api/add</c>, then linked to the new XPM client.</summary>
    Create,
}

public enum SyncItemState
{
    Waiting,

    /// <summary>The write's intent is committed and it may have been sent: the reply was never recorded.</summary>
    Sending,

    Sent,

    /// <summary>Nothing was left to send (already in XPM, or no longer pending).</summary>
    NothingToSend,

    /// <summary>XPM refused the write; the client stays pending with the error on it.</summary>
    Failed,
}
