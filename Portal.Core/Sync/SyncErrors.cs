using Portal.Core.Common;

namespace Portal.Core.Sync;

public sealed record ManagersOnlyError() : Error("Only managers can resolve conflicts and set the sync policy.");

public sealed record ConflictNotFoundError(int ConflictId) : Error($"Conflict {ConflictId} was not found or is already resolved.");

public sealed record ConflictValueInvalidError(string Problem) : Error(Problem);

public sealed record SyncAlreadyRunningError(int RunId)
    : Error("An import or sync with Xero Practice Manager is already running. Its progress is on the Xero Practice Manager page; try again when it has finished.");

public sealed record NothingToSyncError() : Error("None of the chosen clients has anything to send to Xero Practice Manager.");
