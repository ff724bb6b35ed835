namespace Portal.Core.Import.Fetch;

/// <summary>A staff member as a fetch read it from XPM, kept with its run for the review.</summary>
public sealed class StagedStaff
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public Guid XpmUuid { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Mobile { get; set; }
    public string? WebUrl { get; set; }
    public bool IsSelected { get; set; }

    /// <summary>How <see cref="StaffMatcher"/> placed this record against the portal's staff when the fetch finished.</summary>
    public StaffMatchKind MatchKind { get; set; }

    public int? MatchStaffMemberId { get; set; }
    public string? MatchReason { get; set; }
}
