namespace Portal.Core.Import;

public enum ImportRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
