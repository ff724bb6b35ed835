using Portal.Core.Import.Plan;

namespace Portal.Core.Sync;

/// <summary>What a linked client's three-way compare needs besides the two sides: its base, its pending fields and the practice's policies.</summary>
public sealed record LinkSyncState(
    SyncBase Base,
    IReadOnlySet<ImportField> Pending,
    IReadOnlyDictionary<ImportField, ConflictPolicy> Policies);
