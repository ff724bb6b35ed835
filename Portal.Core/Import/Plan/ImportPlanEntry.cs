using Portal.Core.Sync;

namespace Portal.Core.Import.Plan;

/// <summary>
/// The plan for one XPM record (client or staff member): what the import does, to which portal record
/// (<see cref="PortalId"/>, null for a create), which fields it sets, and why, in sentences for the review screen.
/// </summary>
public sealed record ImportPlanEntry(
    Guid XpmUuid,
    string Name,
    ImportAction Action,
    int? PortalId,
    IReadOnlyList<FieldChange> Fields,
    IReadOnlyList<string> Reasons)
{
    /// <summary>For a linked client: fields changed only in the portal (or won by the portal by policy), kept and waiting to sync to XPM.</summary>
    public IReadOnlyList<FieldDecision> Pending { get; init; } = [];

    /// <summary>For a linked client: fields changed differently on both sides whose policy is "ask": nothing overwritten, sent to the Conflicts inbox.</summary>
    public IReadOnlyList<FieldDecision> Conflicts { get; init; } = [];

    /// <summary>False for <see cref="ImportAction.Unchanged"/> and <see cref="ImportAction.NeedsReview"/>.</summary>
    public bool WillWrite => Action is ImportAction.Create or ImportAction.Link or ImportAction.Update;
}
