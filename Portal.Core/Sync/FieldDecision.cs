using Portal.Core.Import.Plan;

namespace Portal.Core.Sync;

/// <summary>One field's three-way compare: its state and the three values as people read them (null: blank or no base).</summary>
public sealed record FieldDecision(ImportField Field, FieldSyncState State, string? Base, string? Portal, string? Xpm, bool HasBase);
