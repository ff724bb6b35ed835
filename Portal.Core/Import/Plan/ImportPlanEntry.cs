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
    /// <summary>False for <see cref="ImportAction.Unchanged"/> and <see cref="ImportAction.NeedsReview"/>.</summary>
    public bool WillWrite => Action is ImportAction.Create or ImportAction.Link or ImportAction.Update;
}
