namespace Portal.Core.Import.Review;

/// <summary>Whether a fetch's review can still change and be imported; see <see cref="ReviewGate"/>.</summary>
public enum ReviewState
{
    /// <summary>The newest fetch, not imported: ticks, detail level and answers can change; "Confirm and import data" is offered.</summary>
    Open,

    /// <summary>Its import is queued or running: the selection is frozen as confirmed; the stepper is read-only.</summary>
    Importing,

    /// <summary>Its import succeeded: the review shows the outcome and is never imported again.</summary>
    Imported,

    /// <summary>A newer fetch has succeeded since: this one can no longer be imported.</summary>
    Superseded,
}
