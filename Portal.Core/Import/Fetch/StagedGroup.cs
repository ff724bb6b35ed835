namespace Portal.Core.Import.Fetch;

public sealed class StagedGroup
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public Guid XpmUuid { get; set; }
    public required string Name { get; set; }
}
