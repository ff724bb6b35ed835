namespace Portal.Core.LinkedClients;

/// <summary>
/// A manager unlinked this portal client from this XPM record as a wrong match. The fetch never matches the pair again
/// by email or name, so the XPM record is offered as new (created once, like any unmatched record).
/// </summary>
public sealed class UnlinkedMatch
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public int ClientId { get; set; }
    public Guid XpmUuid { get; set; }
    public string? Reason { get; set; }
    public required string UnlinkedBy { get; set; }
    public DateTime UnlinkedAt { get; set; }
}
