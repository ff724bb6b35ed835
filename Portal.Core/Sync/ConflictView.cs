using Portal.Core.Import.Plan;

namespace Portal.Core.Sync;

/// <summary>An open conflict as the Conflicts inbox shows it: both values side by side with the last-synced one.</summary>
public sealed record ConflictView(
    int Id,
    int ClientId,
    string ClientName,
    ImportField Field,
    string FieldLabel,
    string? BaseValue,
    string? PortalValue,
    string? XpmValue,
    DateTime DetectedAt)
{
    /// <summary>Addresses are edited on the client's own page; every other field can be typed here.</summary>
    public bool CanEdit => Field is not (ImportField.PhysicalAddress or ImportField.PostalAddress);
}
