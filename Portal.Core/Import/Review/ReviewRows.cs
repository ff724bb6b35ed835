using Portal.Core.Clients;
using Portal.Core.Import.Fetch;

namespace Portal.Core.Import.Review;

public sealed record StagedStaffRow(Guid XpmUuid, string Name, string? Email, string? Phone, string? Mobile, bool IsSelected, bool InPortal);

/// <summary>A client or entity on the review steps, with what the import will do with it and why.</summary>
public sealed record StagedClientRow(
    Guid XpmUuid,
    ClientKind Kind,
    string Name,
    string? BusinessStructure,
    string? Email,
    string? Phone,
    string Address,
    bool IsSelected,
    ClientMatchKind MatchKind,
    string? MatchReason,
    SuggestionDecision Suggestion,
    IReadOnlyList<string> Relationships)
{
    /// <summary>For a linked client: each field XPM changed since it last agreed with the portal ("Phone: 06 555 0142 → 06 555 0777").</summary>
    public IReadOnlyList<string> ChangedInXpm { get; init; } = [];
}

public enum ClientReviewFilter
{
    All,
    New,
    Matches,
    NoEmail,
}

public sealed record ClientReviewQuery(ClientKind Kind, string? Search = null, ClientReviewFilter Filter = ClientReviewFilter.All, int Page = 0, int PageSize = 50);
