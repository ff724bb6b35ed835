using Portal.Core.Clients;

namespace Portal.Core.Import.Plan;

/// <summary>A fetch's selected clients as <see cref="SelectionPlanner.SplitAsync(Data.PortalDbContext, int, int, long, CancellationToken, long?)"/> splits them.</summary>
/// <param name="ToPlan">Staged ids to plan, in staged order.</param>
/// <param name="Unchanged">Unchanged since the last import applied them: counted as unchanged, neither planned nor written.</param>
internal sealed record SelectionSplit(List<long> ToPlan, List<(long StagedId, Guid XpmUuid, ClientKind Kind)> Unchanged);
