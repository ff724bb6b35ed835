namespace Portal.Core.Import.Runs;

public enum ImportRunKind
{
    /// <summary>"Import Data": reads XPM into a staging snapshot for review. Writes nothing to the portal's records.</summary>
    Fetch,

    /// <summary>"Confirm and import data": applies the reviewed selection.</summary>
    Import,

    /// <summary>"Sync data to Xero Practice Manager": sends the confirmed clients' portal changes to XPM (Portal.Core.Sync).</summary>
    Sync,

    /// <summary>Takes back what an import run did (<see cref="ImportRun.UndoOfRunId"/>).</summary>
    Undo,
}
