using Portal.Core.Clients;

namespace Portal.Core.Import.Plan;

/// <summary>A fetch's clients as <see cref="SelectionPlanner.SplitAsync(Data.PortalDbContext, int, int, long, CancellationToken, long?)"/> reads them against the portal's links.</summary>
/// <param name="ToPlan">Selected: the staged ids to plan, in staged order.</param>
/// <param name="Unchanged">Selected, and unchanged since the last import applied them: counted as unchanged, neither planned nor written.</param>
/// <param name="ArchiveChanges">
/// Every linked portal client whose record the fetch read, ticked or not, archived or deleted in XPM (true) or not (false)
/// where its link says otherwise: the import's archive pass (<see cref="Apply.XpmArchiveState"/>). The import's own writes
/// never change it: a record it creates or links is offered, so neither archived nor deleted, as its new link says.
/// </param>
internal sealed record SelectionSplit(List<long> ToPlan, List<(long StagedId, Guid XpmUuid, ClientKind Kind)> Unchanged, Dictionary<int, bool> ArchiveChanges);
