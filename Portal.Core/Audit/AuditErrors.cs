using Portal.Core.Common;

namespace Portal.Core.Audit;

/// <summary>No such client or run in the signed-in user's practice.</summary>
public sealed record HistoryNotFoundError(string What) : Error($"{What} was not found.");
