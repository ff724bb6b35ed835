using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Import;

public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>How often the worker looks for queued runs when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Records per transaction when a fetch stages and when an import applies. SQLite has one writer at a time, so a
    /// smaller batch lets the rest of the portal write sooner during a big import; a larger one imports a little faster.
    /// </summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>A run interrupted this many times (restarts mid-run) is failed rather than started again.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// A delta fetch asks XPM for clients modified since the last successful fetch started, less this margin, so a
    /// change saved in XPM while that fetch ran (or a clock a little apart) is never missed.
    /// </summary>
    public TimeSpan DeltaSafetyMargin { get; set; } = TimeSpan.FromMinutes(5);
}
