namespace Portal.Core.Clients;

/// <summary>An entity's tie to a client: Director, Shareholder, Trustee, Beneficiary, Partner…</summary>
public sealed class Relationship
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public int EntityId { get; set; }
    public Client? Entity { get; set; }
    public int RelatedClientId { get; set; }
    public Client? RelatedClient { get; set; }

    /// <summary>XPM's relationship type, as XPM spells it.</summary>
    public required string Type { get; set; }

    public int? NumberOfShares { get; set; }
    public decimal? Percentage { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>The XPM relationship UUID, when it came from XPM.</summary>
    public Guid? XpmUuid { get; set; }
}
