using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data;

/// <summary>
/// <c>PRAGMA busy_timeout</c> on every SQLite connection the portal opens (a per-connection setting). A run's batch holds
/// SQLite's single write lock for a moment while its lease renewal or a page's save waits for it. Without a busy
/// timeout SQLite answers "busy" at once and Microsoft.Data.Sqlite retries after a fixed 150 ms sleep, so every such
/// meeting cost a batch or a renewal 150 ms (16 % of an import's time at 20,000 clients, profiled; docs/benchmarks.md).
/// With it SQLite waits in steps of 1-100 ms and proceeds the moment the lock is free; 30 s matches the command timeout.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

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
        command.CommandText = "PRAGMA busy_timeout = 30000;";
        command.ExecuteNonQuery();
    }
}
