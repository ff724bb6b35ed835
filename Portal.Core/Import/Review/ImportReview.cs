using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Review;

/// <summary>Where a review stands: the saved step, the detail level and what is ticked.</summary>
public sealed record ImportReview(
    int RunId,
    ImportRunStatus Status,
    DateTime? FetchedAt,
    ImportStep Step,
    ImportDetailLevel DetailLevel,
    int StaffTotal,
    int StaffSelected,
    int PeopleTotal,
    int PeopleSelected,
    int EntitiesTotal,
    int EntitiesSelected);
