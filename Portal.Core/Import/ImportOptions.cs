using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Import;

public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>How often the worker looks for queued runs when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A run interrupted this many times (restarts mid-run) is failed rather than started again.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;
}
