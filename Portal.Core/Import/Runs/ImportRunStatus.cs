namespace Portal.Core.Import.Runs;

public enum ImportRunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
