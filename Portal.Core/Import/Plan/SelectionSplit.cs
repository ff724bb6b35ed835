using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;

namespace Portal.Core.Import.Plan;

/// <summary>A fetch's clients as <see cref="SelectionPlanner.SplitAsync(Data.PortalDbContext, int, int, long, CancellationToken, long?)"/> reads them against the portal's links.</summary>
/// <param name="ToPlan">Selected: the staged ids to plan, in staged order.</param>
/// <param name="Unchanged">Selected, and unchanged since the last import applied them: counted as unchanged, neither planned nor written.</param>
/// <param name="ArchiveChanges">
/// Every linked portal client whose record the fetch read, ticked or not, archived or deleted in XPM (true) or not (false)
/// where its link says otherwise: the import's archive pass (<see cref="Apply.XpmArchiveState"/>). The import's own writes
/// never change it: a record it creates or links is offered, so neither archived nor deleted, as its new link says.
/// </param>
/// <param name="New">
/// Of <paramref name="ToPlan"/>, those the import will create, by the rule the fetch's match and the review's decisions give:
/// matched to nothing (or a suggestion rejected), with a name, and not linked since. A create changes its record at every
/// detail level, so the Clients step's counts count these instead of planning them (a first import is all of them).
/// </param>
internal sealed record SelectionSplit(
    List<long> ToPlan, List<(long StagedId, Guid XpmUuid, ClientKind Kind)> Unchanged, Dictionary<int, bool> ArchiveChanges, Dictionary<long, ClientKind> New)
{
    public SelectionSplit()
        : this([], [], [], [])
    {
    }

    /// <summary>Whether a selected record not linked to any portal client will be created (see <see cref="New"/>).</summary>
    public static bool WillCreate(ClientMatchKind matchKind, SuggestionDecision suggestion, bool hasName) =>
        hasName && (matchKind == ClientMatchKind.None || (matchKind == ClientMatchKind.Suggested && suggestion == SuggestionDecision.Rejected));
}
