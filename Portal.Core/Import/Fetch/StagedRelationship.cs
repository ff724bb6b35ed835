namespace Portal.Core.Import.Fetch;

/// <summary>A relationship as listed on an XPM client's record: <see cref="ClientUuid"/> lists <see cref="RelatedClientUuid"/> as <see cref="Type"/>.</summary>
public sealed class StagedRelationship
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public Guid? XpmUuid { get; set; }
    public Guid ClientUuid { get; set; }
    public Guid RelatedClientUuid { get; set; }
    public required string RelatedClientName { get; set; }
    public required string Type { get; set; }
    public int? NumberOfShares { get; set; }
    public decimal? Percentage { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}
