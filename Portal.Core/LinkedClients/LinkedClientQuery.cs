namespace Portal.Core.LinkedClients;

/// <param name="SyncedBefore">For <see cref="LinkedClientFilter.LastSyncedBefore"/>: clients last synced before this UTC time (or never).</param>
public sealed record LinkedClientQuery(
    LinkedClientFilter Filter = LinkedClientFilter.AllLinked,
    string? Search = null,
    DateTime? SyncedBefore = null,
    int Page = 0,
    int PageSize = 25);
