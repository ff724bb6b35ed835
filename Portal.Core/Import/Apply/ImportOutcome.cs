using Portal.Core.Import.Plan;

namespace Portal.Core.Import.Apply;

/// <summary>What an import did with one record, for the downloadable outcome file.</summary>
public sealed class ImportOutcome
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public Guid XpmUuid { get; set; }

    /// <summary>Staff, Client or Entity.</summary>
    public required string RecordType { get; set; }

    public required string Name { get; set; }
    public ImportAction Action { get; set; }

    /// <summary>
    /// "Email: a@x → b@x; Phone: … → …". Null for a client the import created: the values it was created with are its
    /// "Created" audit row, written with it, which the outcome file shows here.
    /// </summary>
    public string? FieldsChanged { get; set; }

    public string? Reason { get; set; }

    /// <summary>The portal record the outcome is about (null when none was written, or for an undo's skipped row).</summary>
    public int? PortalRecordId { get; set; }

    /// <summary>
    /// JSON of the portal record as it was before the run wrote it (<see cref="RecordBefore"/>): what an undo puts back.
    /// Null for a record the run created.
    /// </summary>
    public string? BeforeJson { get; set; }
}
