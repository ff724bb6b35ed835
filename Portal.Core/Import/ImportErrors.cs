using Portal.Core.Common;

namespace Portal.Core.Import;

public sealed record ImportAlreadyRunningError(int RunId)
    : Error("An import from Xero Practice Manager is already running. Its progress is on the Xero Practice Manager page; try again when it has finished.");

public sealed record ImportRunNotFoundError(int RunId) : Error($"Import run {RunId} was not found.");

/// <summary>"Confirm and import data" froze the selection: it is being imported exactly as confirmed.</summary>
public sealed record SelectionFrozenError(int ImportRunId)
    : Error("This selection is being imported, so it can no longer be changed. Its progress shows on the Confirm step.");

/// <summary>A fetch is imported once; changes made in XPM since come with a new fetch.</summary>
public sealed record AlreadyImportedError(int ImportRunId)
    : Error("This data has already been imported. To bring across changes made in Xero Practice Manager since, click Import Data to read it again.");

/// <summary>Only the newest successful fetch can be imported, so older values never overwrite newer ones.</summary>
public sealed record NewerFetchExistsError(int NewestFetchRunId)
    : Error("Newer data has been read from Xero Practice Manager since this. Only the newest data can be imported, so older values never overwrite newer ones.");

/// <summary>An import is undone once; an undo (or a fetch) is not undone.</summary>
public sealed record AlreadyUndoneError(int UndoRunId) : Error("This import has already been undone.");

public sealed record UndoTooLateError(int Days) : Error($"Only imports from the last {Days} days can be undone.");

public sealed record NothingToUndoError(int RunId) : Error("Only an import that has finished (or stopped) can be undone.");

public sealed record UndoManagersOnlyError() : Error("Only managers can undo an import.");
