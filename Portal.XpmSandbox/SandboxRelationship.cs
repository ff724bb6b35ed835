namespace Portal.XpmSandbox;

/// <summary>
/// One side of a relationship as its client reads it: the entity holds <c>Director → person</c>, the person holds
/// <c>Director of → entity</c> (see <see cref="XpmSandboxOptions.ReverseRelationshipLabels"/>). Both sides share the UUID.
/// </summary>
public sealed record SandboxRelationship(
    Guid Uuid,
    string Type,
    Guid RelatedClientUuid,
    int? NumberOfShares,
    decimal? Percentage,
    DateOnly? StartDate,
    DateOnly? EndDate,
    bool IsReverse);
