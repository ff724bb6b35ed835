using Portal.Core.Import.Plan;

namespace Portal.Core.Audit;

/// <summary>How audit fields and sources read to people.</summary>
public static class AuditText
{
    public static string FieldLabel(string field) => Enum.TryParse<ImportField>(field, out var known) ? ImportFields.Label(known) : field;

    public static string SourceLabel(AuditSource source) => source switch
    {
        AuditSource.PortalEdit => "Portal edit",
        AuditSource.XpmImport => "XPM import",
        AuditSource.SyncToXpm => "Sync to XPM",
        AuditSource.Undo => "Undo",
        _ => source.ToString(),
    };
}
