namespace Portal.Core.Import.Fetch;

/// <summary>Which portal staff member an XPM staff member is, if any, and why.</summary>
public sealed record StaffMatch(Guid XpmUuid, StaffMatchKind Kind, int? StaffMemberId, string Reason);
