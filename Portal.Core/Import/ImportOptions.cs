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

    /// <summary>
    /// This node's name on the runs it works (<see cref="Runs.ImportRun.LeaseOwner"/>); the machine name unless set.
    /// Nodes sharing one database need distinct names: a node that starts takes back at once the runs leased to its name
    /// (its previous process died), where another node waits for the lease to expire.
    /// </summary>
    [MaxLength(200)]
    public string? NodeId { get; set; }

    /// <summary>How long a claimed run stays this node's without a renewal: past it, another node takes the run over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the working node renews its lease and reads the run's cancel flag (so a cancel from another node stops
    /// the run within this time).
    /// </summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(2);

    public string EffectiveNodeId => string.IsNullOrWhiteSpace(NodeId) ? Environment.MachineName : NodeId;

    /// <summary>A run interrupted this many times (restarts mid-run) is failed rather than started again.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// A delta fetch asks XPM for clients modified since the last successful fetch started, less this margin, so a
    /// change saved in XPM while that fetch ran (or a clock a little apart) is never missed.
    /// </summary>
    public TimeSpan DeltaSafetyMargin { get; set; } = TimeSpan.FromMinutes(5);
}
