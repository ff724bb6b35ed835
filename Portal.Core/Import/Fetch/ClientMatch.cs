namespace Portal.Core.Import.Fetch;

/// <summary>
/// Which portal client an XPM client is, if any. <see cref="ClientId"/> is null only for
/// <see cref="ClientMatchKind.None"/>; <see cref="Reason"/> is a sentence for the review screen.
/// </summary>
public sealed record ClientMatch(Guid XpmUuid, ClientMatchKind Kind, int? ClientId, string Reason);
