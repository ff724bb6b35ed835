using Portal.Core.Common;

namespace Portal.Core.Import;

public sealed record ImportAlreadyRunningError(int RunId)
    : Error("An import from Xero Practice Manager is already running. Its progress is on the Xero Practice Manager page; try again when it has finished.");

public sealed record ImportRunNotFoundError(int RunId) : Error($"Import run {RunId} was not found.");
