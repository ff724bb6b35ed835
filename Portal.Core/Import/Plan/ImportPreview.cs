namespace Portal.Core.Import.Plan;

/// <summary>The Confirm step's dry run. The import reads only staged data: it makes no XPM calls (<see cref="ImportPlanSummary.XpmCalls"/>).</summary>
public sealed record ImportPreview(
    ImportPlanSummary Staff,
    ImportPlanSummary Clients,
    ImportPlanSummary Entities,
    IReadOnlyList<ImportPlanEntry> Entries);
