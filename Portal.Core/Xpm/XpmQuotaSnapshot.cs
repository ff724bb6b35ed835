namespace Portal.Core.Xpm;

/// <summary>
/// What XPM last said about the remaining rate limits, and the last call made. A limit XPM did not mention on the
/// last reply (401s carry none, 403s only the app limit) keeps its last known value; null means never seen.
/// </summary>
public sealed record XpmQuotaSnapshot(
    int? DayLimitRemaining,
    int? MinuteLimitRemaining,
    int? AppMinuteLimitRemaining,
    DateTimeOffset? LastCallAt,
    string? LastCallPath,
    string? LastOutcome)
{
    public static readonly XpmQuotaSnapshot Empty = new(null, null, null, null, null, null);
}
