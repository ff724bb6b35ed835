namespace Portal.Core.Audit;

/// <summary>One changed field of one record, with where the change came from.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public int PracticeId { get; set; }

    /// <summary>"Client" or "Staff".</summary>
    public required string RecordType { get; set; }

    public int RecordId { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public AuditSource Source { get; set; }

    /// <summary>The import or sync run that made the change, when one did.</summary>
    public int? RunId { get; set; }

    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
}
