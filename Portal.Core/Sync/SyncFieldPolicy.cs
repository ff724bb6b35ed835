using Portal.Core.Import.Plan;

namespace Portal.Core.Sync;

/// <summary>A practice's conflict policy for one field; a field without a row is <see cref="ConflictPolicy.Ask"/>.</summary>
public sealed class SyncFieldPolicy
{
    public int PracticeId { get; set; }
    public ImportField Field { get; set; }
    public ConflictPolicy Policy { get; set; }
}
