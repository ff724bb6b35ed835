namespace Portal.Core.Xpm.Models;

/// <summary>
/// A tie between two clients (director, shareholder, trustee…). <see cref="Type"/> is read from the side of the
/// client that carries it, so the same tie can be labelled differently on each side.
/// </summary>
public sealed record XpmRelationship(
    Guid Uuid,
    string? Type,
    XpmRef RelatedClient,
    int? NumberOfShares,
    decimal? Percentage,
    DateOnly? StartDate,
    DateOnly? EndDate);
