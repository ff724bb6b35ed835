using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data;

/// <summary>
/// The per-connection settings of every SQLite connection the portal opens.
/// <list type="bullet">
/// <item><c>PRAGMA busy_timeout</c>: a run's batch holds SQLite's single write lock for a moment while its lease renewal or
/// a page's save waits for it. Without a busy timeout SQLite answers "busy" at once and Microsoft.Data.Sqlite retries after
/// a fixed 150 ms sleep, so every such meeting cost a batch or a renewal 150 ms (16 % of an import's time at 20,000
/// clients, profiled; docs/benchmarks.md). With it SQLite waits in steps of 1-100 ms and proceeds the moment the lock is
/// free; 30 s matches the command timeout.</item>
/// <item>No <c>PRAGMA mmap_size</c>: a memory map made the review's whole-table reads faster (a search 25–28 ms instead of
/// 58–93 at 20,000 clients), but each pooled connection maps the file for itself and the process's resident set counts
/// every mapping's pages: 159–169 MB above idle at 20,000 clients, 282–340 MB at 50,000, even with the map cut to 64 MiB,
/// against 84–91 / 126–130 MB without it (docs/benchmarks.md, round 8). Without it every query the issue bounds still
/// answers in under 150 ms (at most 120 ms at 20,000 on a busy host), and the resident set says what the process holds.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs every statement synchronously, whichever call is made.
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 30000";
        command.ExecuteNonQuery();
    }
}
