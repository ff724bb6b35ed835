using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Review;

/// <summary>
/// Where a review stands: the saved step, the detail level, what is offered and selected, and what became of it.
/// Once confirmed, the selected counts and the detail level are the import's (what was frozen), and
/// <see cref="Import"/> is that import, so the outcome shows whenever the review is opened again.
/// </summary>
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
    int EntitiesSelected,
    ReviewState State = ReviewState.Open,
    ImportProgressSnapshot? Import = null,
    int? NewestFetchRunId = null)
{
    /// <summary>Ticks, the detail level, answers and steps can no longer change.</summary>
    public bool IsReadOnly => State != ReviewState.Open;
}
