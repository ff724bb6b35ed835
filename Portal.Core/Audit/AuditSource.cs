namespace Portal.Core.Audit;

public enum AuditSource
{
    PortalEdit,
    XpmImport,
    SyncToXpm,
    Undo,
}
