using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data;

/// <summary>
/// Per-connection SQLite settings, on every connection the portal opens.
/// <para>
/// <c>busy_timeout</c>: a run's batch holds
/// SQLite's single write lock for a moment while its lease renewal or a page's save waits for it. Without a busy
/// timeout SQLite answers "busy" at once and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep, so every such
/// meeting cost a batch or a renewal 150 ms (16 % of an import's time at 20,000 clients, profiled; docs/benchmarks.md).
/// With it SQLite waits in steps of 1-100 ms and proceeds the moment the lock is free; 30 s matches the command timeout.
/// </para>
/// <para>
/// <c>synchronous = NORMAL</c>, SQLite's advice for a database in WAL mode (the portal's file always is): a commit no
/// longer waits for the disk to flush; the WAL is flushed at each checkpoint instead. Nothing is lost when the process
/// dies (the committed pages are in the operating system's cache); a power cut can roll back the last commits but
/// cannot corrupt the file, and the runs are made for that: a batch's records and its outcome rows commit or roll back
/// together, and a resumed run applies only what has no outcome row. An import's 40 batch commits spent about 0.25 s
/// waiting on flushes at 20,000 clients (docs/benchmarks.md).
/// </para>
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
        command.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
