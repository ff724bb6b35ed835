using System.Globalization;
using System.Net.Http.Headers;
using System.Xml;
using System.Data;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Xpm;

namespace Portal.Benchmarks;

/// <summary>The least each phase could cost on this machine: the bytes over loopback, one XML pass, raw SQLite inserts.</summary>
internal static class Floors
{
    /// <summary>(a) <c>client.api/list?detailed=true</c> with a plain <see cref="HttpClient"/> and the stored access token, read to the end.</summary>
    public static async Task<byte[]> DownloadClientListAsync(BenchmarkPortal portal)
    {
        var token = await portal.Services.GetRequiredService<IXpmTokenSource>().GetAccessTokenAsync(CancellationToken.None);
        if (!token.Succeeded)
        {
            throw new InvalidOperationException($"No access token: {token.Error}");
        }

        var apiBase = portal.Services.GetRequiredService<XpmEndpoints>().ApiBase;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(apiBase, "client.api/list?detailed=true"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value!.AccessToken);
        request.Headers.TryAddWithoutValidation("Xero-Tenant-Id", token.Value!.TenantId);
        using var reply = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        reply.EnsureSuccessStatusCode();
        return await reply.Content.ReadAsByteArrayAsync();
    }

    /// <summary>(b) One forward-only <see cref="XmlReader"/> pass over the downloaded list; returns the number of <c>Client</c> elements.</summary>
    public static int ReadXml(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true });
        var clients = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 2 && reader.LocalName == "Client")
            {
                clients++;
            }
            else if (reader.NodeType == XmlNodeType.Text)
            {
                _ = reader.Value;
            }
        }

        return clients;
    }

    /// <summary>
    /// Raw prepared inserts in one transaction on a fresh connection: (c) <paramref name="rows"/> rows of 15 text columns (a
    /// clients table's shape), the fetch's floor; with <paramref name="linksAndTeams"/>, (d) the apply's floor as the issue
    /// measured it: each client row, its link row and two team rows. SQLite or PostgreSQL, through plain ADO.NET.
    /// </summary>
    public static async Task<int> InsertRowsAsync(DbConnection connection, int rows, bool linksAndTeams)
    {
        await using var _ = connection;
        await connection.OpenAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var columns = Enumerable.Range(1, 15).Select(i => $"c{i}").ToArray();
        await ExecuteAsync(connection, $"CREATE TABLE floor_clients_{suffix} (id INTEGER PRIMARY KEY, {string.Join(", ", columns.Select(c => c + " TEXT"))})");
        await ExecuteAsync(connection, $"CREATE TABLE floor_links_{suffix} (client_id INTEGER PRIMARY KEY, xpm_uuid TEXT, web_url TEXT, linked_at TEXT, last_synced_values TEXT)");
        await ExecuteAsync(connection, $"CREATE TABLE floor_team_{suffix} (id INTEGER PRIMARY KEY, client_id INTEGER, staff_id INTEGER, role TEXT)");
        await using var transaction = await connection.BeginTransactionAsync();
        var client = Prepare(connection, transaction, $"floor_clients_{suffix}", ["id", .. columns]);
        var link = Prepare(connection, transaction, $"floor_links_{suffix}", ["client_id", "xpm_uuid", "web_url", "linked_at", "last_synced_values"]);
        var team = Prepare(connection, transaction, $"floor_team_{suffix}", ["id", "client_id", "staff_id", "role"]);
        for (var row = 0; row < rows; row++)
        {
            var n = row.ToString(CultureInfo.InvariantCulture);
            await InsertAsync(client, [row + 1, .. columns.Select((_, column) => (object)$"value {column} of client {n}")]);
            if (linksAndTeams)
            {
                await InsertAsync(link, [row + 1, Guid.NewGuid().ToString(), $"https://practicemanager.xero.com/client/{n}", "2026-12-01 00:00:00", $"{{\"Format\":2,\"Name\":\"client {n}\"}}"]);
                await InsertAsync(team, [(2 * row) + 1, row + 1, 1, "AccountManager"]);
                await InsertAsync(team, [(2 * row) + 2, row + 1, 2, "JobManager"]);
            }
        }

        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>
    /// (e) As (d), but into tables shaped and indexed as the portal's own: a client row with the columns an import sets
    /// and the Clients table's two indexes, a link row with the ClientXpmLinks columns the import sets and its five indexes
    /// (one unique), two team rows with the TeamMembers unique index and its staff index. Every index a row lands in is
    /// work a real import cannot skip; (d) has none.
    /// </summary>
    public static async Task<int> InsertIndexedApplyRowsAsync(DbConnection connection, int rows)
    {
        await using var _ = connection;
        await connection.OpenAsync();
        var s = Guid.NewGuid().ToString("N")[..8];
        string[] clientColumns = ["id", "practice_id", "kind", "name", "first_name", "last_name", "business_structure", "date_of_birth", "email",
            "phone", "mobile", "physical_street", "physical_city", "physical_region", "physical_post_code", "physical_country",
            "postal_street", "postal_city", "postal_region", "postal_post_code", "postal_country", "is_archived", "created_at", "updated_at"];
        string[] linkColumns = ["client_id", "xpm_uuid", "web_url", "linked_at", "last_synced_at", "last_synced_values", "is_new", "match_reason",
            "confirmed_by", "linked_by_run_id", "updated_by_run_id", "import_fingerprint"];
        string[] teamColumns = ["id", "client_id", "staff_id", "role"];
        string Table(string name, string[] columns) => $"CREATE TABLE {name}_{s} ({string.Join(", ", columns.Select(c => c is "id" ? "id INTEGER PRIMARY KEY" : c is "client_id" && name == "floor_ilinks" ? "client_id INTEGER PRIMARY KEY" : $"{c} {(IsNumber(c) ? "BIGINT" : "TEXT")}"))})";
        foreach (var sql in new[]
        {
            Table("floor_iclients", clientColumns), Table("floor_ilinks", linkColumns), Table("floor_iteam", teamColumns),
            $"CREATE INDEX ix_ic_name_{s} ON floor_iclients_{s} (practice_id, name)",
            $"CREATE INDEX ix_ic_email_{s} ON floor_iclients_{s} (practice_id, email)",
            $"CREATE UNIQUE INDEX ix_il_uuid_{s} ON floor_ilinks_{s} (xpm_uuid)",
            $"CREATE INDEX ix_il_new_{s} ON floor_ilinks_{s} (is_new)",
            $"CREATE INDEX ix_il_linked_{s} ON floor_ilinks_{s} (linked_by_run_id)",
            $"CREATE INDEX ix_il_updated_{s} ON floor_ilinks_{s} (updated_by_run_id)",
            $"CREATE INDEX ix_il_synced_{s} ON floor_ilinks_{s} (last_synced_at)",
            $"CREATE UNIQUE INDEX ix_it_{s} ON floor_iteam_{s} (client_id, staff_id, role)",
            $"CREATE INDEX ix_it_staff_{s} ON floor_iteam_{s} (staff_id)",
        })
        {
            await ExecuteAsync(connection, sql);
        }

        await using var transaction = await connection.BeginTransactionAsync();
        var client = Prepare(connection, transaction, $"floor_iclients_{s}", clientColumns);
        var link = Prepare(connection, transaction, $"floor_ilinks_{s}", linkColumns);
        var team = Prepare(connection, transaction, $"floor_iteam_{s}", teamColumns);
        for (var row = 0; row < rows; row++)
        {
            var n = row.ToString(CultureInfo.InvariantCulture);
            await InsertAsync(client, [.. clientColumns.Select(c => c switch
            {
                "id" => row + 1,
                "practice_id" or "is_archived" => (object)(c == "practice_id" ? 1 : 0),
                _ => $"{c} of client {n}",
            })]);
            await InsertAsync(link, [.. linkColumns.Select(c => c switch
            {
                "client_id" => row + 1,
                "xpm_uuid" => Guid.NewGuid().ToString(),
                "is_new" => 1,
                "linked_by_run_id" => 7,
                "updated_by_run_id" => DBNull.Value,
                "import_fingerprint" => (object)((long)row * 7919),
                "last_synced_values" => $"{{\"Format\":2,\"Values\":{{\"Name\":\"client {n}\",\"Email\":\"client{n}@example.com\"}},\"Agreed\":[0,3]}}",
                _ => $"{c} of client {n}",
            })]);
            await InsertAsync(team, [(2 * row) + 1, row + 1, 1, "AccountManager"]);
            await InsertAsync(team, [(2 * row) + 2, row + 1, 2, "JobManager"]);
        }

        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>
    /// The portal's tables an import writes to: after a first import on a fresh database every row in them is the import's,
    /// but for the demo staff member and manager the app seeds at start-up (two rows).
    /// </summary>
    private static readonly string[] AppliedTables =
        ["StaffMembers", "StaffXpmLinks", "Clients", "ClientXpmLinks", "TeamMembers", "Relationships", "AuditEntries", "ImportOutcome", "SyncConflicts"];

    /// <summary>A consistent copy of the SQLite database as it stands (<c>VACUUM INTO</c>), for (f) to read after later phases changed it.</summary>
    public static async Task SnapshotAsync(string database, string snapshot)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $snapshot";
        command.Parameters.AddWithValue("$snapshot", snapshot);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The rows a first import wrote, as stored, with each table's and index's own <c>CREATE</c> statement (read before (f) is timed).</summary>
    public static async Task<AppliedRows> ReadAppliedRowsAsync(string snapshot)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={snapshot};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var schema = new List<string>();
        var tables = new List<AppliedTable>();
        foreach (var table in AppliedTables)
        {
            await using (var ddl = connection.CreateCommand())
            {
                // The table first, then its indexes; an index SQLite made for a constraint has no SQL and comes with the table.
                ddl.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = $table AND sql IS NOT NULL ORDER BY type = 'index', name";
                ddl.Parameters.AddWithValue("$table", table);
                await using var reader = await ddl.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    schema.Add(reader.GetString(0));
                }
            }

            await using var select = connection.CreateCommand();
            // The table names are this class's own constants.
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var rows = await select.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).ToArray();
            var values = new List<object[]>();
            while (await rows.ReadAsync())
            {
                var row = new object[columns.Length];
                rows.GetValues(row);
                values.Add(row);
            }

            tables.Add(new AppliedTable(table, columns, values));
        }

        return new AppliedRows(schema, tables);
    }

    /// <summary>
    /// (f) Every row the first import wrote (staff, clients, links, team, relationships, audit, outcome rows), with the
    /// same values, into the portal's own tables and indexes (their <c>CREATE</c> statements as the migrations made them)
    /// on a fresh database: one prepared insert per table, one transaction. What the apply writes, without the apply. The
    /// caller's connection leaves foreign keys unchecked: the rows they point to (the practice, the runs) are not copied.
    /// </summary>
    public static async Task<int> InsertAppliedRowsAsync(DbConnection connection, AppliedRows applied)
    {
        await using var _ = connection;
        await connection.OpenAsync();
        foreach (var sql in applied.Schema)
        {
            await ExecuteAsync(connection, sql);
        }

        await using var transaction = await connection.BeginTransactionAsync();
        var count = 0;
        foreach (var table in applied.Tables)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = $"$p{i}";
                insert.Parameters.Add(parameter);
            }

            insert.Prepare();
            foreach (var row in table.Rows)
            {
                await InsertAsync(insert, row);
                count++;
            }
        }

        await transaction.CommitAsync();
        return count;
    }

    private static bool IsNumber(string column) => column is "practice_id" or "is_archived" or "is_new" or "linked_by_run_id" or "updated_by_run_id" or "import_fingerprint" or "staff_id" or "client_id";

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        foreach (var column in columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            parameter.DbType = column is "import_fingerprint" ? DbType.Int64 : column is "id" || IsNumber(column) ? DbType.Int32 : DbType.String;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static async Task InsertAsync(DbCommand command, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

internal sealed record AppliedTable(string Name, string[] Columns, List<object[]> Rows);

/// <summary>What (f) inserts: the schema statements and each table's rows.</summary>
internal sealed record AppliedRows(List<string> Schema, List<AppliedTable> Tables)
{
    public string Describe() => string.Join(", ", Tables.Where(t => t.Rows.Count > 0).Select(t => $"{t.Name} {t.Rows.Count:N0}"));
}
