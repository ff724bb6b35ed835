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
}
