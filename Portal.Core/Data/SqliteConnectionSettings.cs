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
/// <item><c>PRAGMA mmap_size</c>: pages are read through a memory map of the database file instead of a system call and a
/// copy each. The review's and the Clients list's queries read whole tables of a big practice (the fetch's staged rows, every
/// link); at 20,000 clients a search took 25–28 ms instead of 58–93, the Clients step's counts 46–49 instead of 81–115
/// (docs/benchmarks.md, round 7). Writes still go through the WAL as before. The map is address space, not memory: the OS
/// page cache backs it, shared by every connection. SQLite's own caveat: an I/O error on a mapped page (a failing disk) is a
/// signal rather than an error code, which is as fatal for a web node as the failing disk itself.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    /// <summary>Mapped at most: 256 MiB, a 50,000-client practice's database several times over.</summary>
    public const long MmapSize = 256L * 1024 * 1024;

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
        command.CommandText = $"PRAGMA busy_timeout = 30000; PRAGMA mmap_size = {MmapSize};";
        command.ExecuteNonQuery();
    }
}
