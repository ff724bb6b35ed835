namespace Portal.Core.Import.Runs;

/// <summary>Tells the other nodes that a run this node works has moved on, so their pages show it live.</summary>
public interface IImportProgressAnnouncer
{
    Task AnnounceAsync(ImportProgressSnapshot snapshot);
}
