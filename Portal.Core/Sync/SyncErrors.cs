using Portal.Core.Common;

namespace Portal.Core.Sync;

public sealed record ManagersOnlyError() : Error("Only managers can resolve conflicts and set the sync policy.");

public sealed record ConflictNotFoundError(int ConflictId) : Error($"Conflict {ConflictId} was not found or is already resolved.");

public sealed record ConflictValueInvalidError(string Problem) : Error(Problem);
