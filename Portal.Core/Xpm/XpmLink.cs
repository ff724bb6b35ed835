namespace Portal.Core.Xpm;

/// <summary>
/// A portal record's tie to its XPM record. <see cref="LastSyncedValues"/> is what both sides agreed on
/// at the last import or sync: the base of every later three-way compare.
/// </summary>
public sealed class XpmLink
{
    /// <summary>XPM's UUID. A <see cref="Guid"/>, so XPM's upper- and lower-case spellings compare equal.</summary>
    public Guid XpmUuid { get; set; }

    /// <summary>XPM's page for the record. It embeds XPM's internal ids: show it, never parse it.</summary>
    public string? WebUrl { get; set; }

    public DateTime LinkedAt { get; set; }
    public DateTime? LastSyncedAt { get; set; }

    /// <summary>JSON of the field values last agreed with XPM.</summary>
    public string? LastSyncedValues { get; set; }

    /// <summary>
    /// Shows the "New" badge in the Clients list and the Linked clients review until a manager marks it reviewed or a
    /// staff member opens the record.
    /// </summary>
    public bool IsNew { get; set; }

    /// <summary>Why the portal record is this XPM record, as recorded when linked ("Same XPM UUID", "Created", "Linked by hand: …").</summary>
    public string? MatchReason { get; set; }

    /// <summary>Who confirmed the link: the user who started the import that made it, or the manager who linked by hand.</summary>
    public string? ConfirmedBy { get; set; }

    /// <summary>The import run that made the link (null: linked by hand, or before runs were recorded here).</summary>
    public int? LinkedByRunId { get; set; }

    /// <summary>The last import run that changed the record's fields.</summary>
    public int? UpdatedByRunId { get; set; }

    /// <summary>
    /// A client's fields changed in the portal since they last agreed with XPM, waiting for "Sync data to Xero Practice
    /// Manager" (comma-separated field names; null: nothing pending). The Clients list shows "Pending sync".
    /// </summary>
    public string? PendingSyncFields { get; set; }

    /// <summary>
    /// For a person: the XPM contact that is that person, whose mobile is the client's. Contact edits do not change a
    /// client's modified time in XPM, so a delta import reads the contacts and looks for this one.
    /// </summary>
    public Guid? ContactUuid { get; set; }

    /// <summary>XPM's error from the last attempt to sync this record; the record stays pending.</summary>
    public string? SyncError { get; set; }

    /// <summary>XPM has the record archived or deleted: the portal client was archived because of it, and is restored with it.</summary>
    public bool IsArchivedInXpm { get; set; }

    /// <summary>
    /// Set by the import that last applied this client (<see cref="Import.Plan.ImportFingerprint"/>); cleared by any
    /// other change to the client, its link or its team. While it holds, a record XPM still has the same way is
    /// unchanged and the next import skips it unread.
    /// </summary>
    public long? ImportFingerprint { get; set; }
}
