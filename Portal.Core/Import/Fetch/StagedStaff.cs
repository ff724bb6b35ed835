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

    /// <summary>The portal staff member this is (by XPM link or email) when the fetch finished.</summary>
    public int? ExistingStaffMemberId { get; set; }
}
