namespace Portal.Core.Sync;

/// <summary>Which clients "Sync data to Xero Practice Manager" offers: linked clients to update, unlinked ones to create, or both.</summary>
[Flags]
public enum SyncMode
{
    UpdateExisting = 1,
    CreateMissing = 2,
    Both = UpdateExisting | CreateMissing,
}

/// <summary>A client the sync can send: a linked one with pending fields, or an unlinked one to create in XPM.</summary>
public sealed record SyncCandidate(int ClientId, string Name, string? Email, SyncAction Action, string? PendingFields, string? SyncError);

public sealed record SyncCandidatePage(IReadOnlyList<SyncCandidate> Items, int Total);

/// <summary>One field as it will be sent: the portal's value, and XPM's as the portal last read it (null: blank or never read).</summary>
public sealed record SyncPreviewField(string Field, string? PortalValue, string? XpmValue);

/// <summary>
/// What will be sent for one client. <see cref="SharedWith"/>: how many other XPM clients list the contact whose
/// mobile will change (the change shows on all of them).
/// </summary>
public sealed record SyncPreviewClient(int ClientId, string Name, SyncAction Action, IReadOnlyList<SyncPreviewField> Fields, IReadOnlyList<string> NotSent, int SharedWith, int Calls);

/// <summary>
/// The field-level preview of a sync: per client what is sent, the XPM calls it will make (writes, plus the reads the
/// preview made) against the daily allowance XPM last reported (null: not known yet).
/// </summary>
public sealed record SyncPreview(IReadOnlyList<SyncPreviewClient> Clients, int WriteCalls, int ReadCalls, int? DayLimitRemaining, string? Warning)
{
    public bool ExceedsQuota => DayLimitRemaining is { } left && WriteCalls > left;
}

/// <summary>A client of a sync run that XPM refused, with its error.</summary>
public sealed record SyncFailure(int ClientId, string Name, string Error);
