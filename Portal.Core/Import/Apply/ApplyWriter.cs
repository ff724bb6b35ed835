using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Clients;
using Portal.Core.Data;

namespace Portal.Core.Import.Apply;

/// <summary>
/// The apply's writes without change tracking: prepared ADO.NET commands on the context's own connection, inside the
/// context's current transaction. Applying 20,000 clients through tracked entities and <c>SaveChanges</c> took 14–29 s
/// and 4.2 GB of allocations (docs/benchmarks.md), 128–275× the raw-insert floor.
/// <para>
/// Hand-written SQL, like the fetch's <c>StagingWriter</c>, because EF Core has no bulk insert and no "update only what
/// changed" without tracking, and the project carries no bulk library. It stays provider-neutral and faithful to EF's
/// mapping: table and column names, value converters (enums as strings), parameter types and the parameter prefix all
/// come from the EF model and the provider; the only SQL beyond plain INSERT/UPDATE is <c>RETURNING</c> (SQLite ≥ 3.35
/// and PostgreSQL both have it). A client's <see cref="Xpm.XpmLink"/> is an owned type in a table of its own keyed by
/// the client's id (a shadow property), so its rows are written with the owner's id.
/// </para>
/// <para>
/// Updates write only the columns whose values differ from those read before the import touched the record, and
/// nothing at all when none do: a re-import with nothing changed writes no client or link row.
/// </para>
/// </summary>
internal sealed class ApplyWriter : IAsyncDisposable
{
    private readonly PortalDbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly Dictionary<string, Command> _commands = [];
    private readonly Dictionary<string, PostgresCopy> _copies = [];

    /// <summary>
    /// PostgreSQL takes the bulk rows (created clients with their reserved ids, links, team, outcome and audit rows) by
    /// binary <c>COPY</c> (<see cref="PostgresCopy"/>), as the fetch stages: a 50-row INSERT per 50 rows, each parsed and
    /// planned by the server on the same two cores, was most of a first apply's time there.
    /// </summary>
    private readonly bool _copy;
    private readonly IEntityType _clientType;
    private readonly IEntityType _linkType;
    private readonly IProperty[] _clientColumns;
    private readonly IProperty[] _linkColumns;
    private readonly List<(Xpm.XpmLink Link, int ClientId)> _pendingLinks = [];
    private readonly List<Client> _pendingClients = [];
    private readonly Queue<int> _reservedClientIds = new();
    private int? _nextSqliteId;
    private DbTransaction? _nextSqliteIdTransaction;

    private ApplyWriter(PortalDbContext db)
    {
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        _clientType = db.Model.FindEntityType(typeof(Client))!;
        _linkType = _clientType.FindNavigation(nameof(Client.XpmLink))!.TargetEntityType;
        _clientColumns = ColumnsOf(_clientType).ToArray();
        _linkColumns = ColumnsOf(_linkType).ToArray();
        _copy = db.Database.IsNpgsql();
    }

    /// <summary>Opens the context's connection for the writer's life, so the prepared statements survive between batches.</summary>
    public static async Task<ApplyWriter> OpenAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new ApplyWriter(db);
    }

    /// <summary>The values of a client's columns and of its link's, as read: what <see cref="UpdateClientAsync"/> compares with.</summary>
    public ClientValues Capture(Client client) => new(
        _clientColumns.Select(p => Get(p, client)).ToArray(),
        client.XpmLink is null ? null : _linkColumns.Select(p => Get(p, client.XpmLink)).ToArray());

    /// <summary>
    /// On PostgreSQL, takes <paramref name="count"/> client ids from the table's identity sequence in one round trip, so
    /// the next <paramref name="count"/> <see cref="InsertClientAsync"/> calls need no round trip each: their rows go
    /// <see cref="RowsPerStatement"/> to a statement. One <c>INSERT … RETURNING</c> per created client was 20,000 round
    /// trips at 20,000 clients. SQLite has no round trips to save: there a batch's first created client is inserted with
    /// <c>RETURNING</c> and the others continue from its id (<see cref="InsertClientAsync"/>).
    /// </summary>
    public async Task ReserveClientIdsAsync(int count, CancellationToken cancellationToken)
    {
        if (count == 0 || !_db.Database.IsNpgsql())
        {
            return;
        }

        var table = StoreObjectIdentifier.Table(_clientType.GetTableName()!, _clientType.GetSchema());
        var key = KeyOf(_clientType).GetColumnName(table)!;
        await using var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        // Table and column names come from the EF model, not from input.
        command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{_sql.DelimitIdentifier(table.Name, table.Schema)}', '{key}')) FROM generate_series(1, {count})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _reservedClientIds.Enqueue(checked((int)reader.GetInt64(0)));
        }
    }

    /// <summary>
    /// Inserts a new client and sets <see cref="Client.Id"/>: from the ids reserved by <see cref="ReserveClientIdsAsync"/>
    /// or (SQLite) following the transaction's first inserted client (the row is then written by
    /// <see cref="FlushLinksAsync"/> with the other held rows), or else from the database.
    /// Its link (if any) is queued for <see cref="FlushLinksAsync"/>, which the caller runs before the batch commits.
    /// </summary>
    public async Task InsertClientAsync(Client client, CancellationToken cancellationToken)
    {
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        if (_reservedClientIds.TryDequeue(out var id))
        {
            client.Id = id;
            _pendingClients.Add(client);
        }
        else if (_nextSqliteId is { } next && ReferenceEquals(transaction, _nextSqliteIdTransaction))
        {
            client.Id = next;
            _nextSqliteId = next + 1;
            _pendingClients.Add(client);
        }
        else
        {
            var insert = Get("insert:Client", () => Insert(_clientType, _clientColumns, returningKey: true));
            client.Id = checked((int)await insert.ExecuteScalarAsync(_db, client, null, cancellationToken));
            if (_db.Database.IsSqlite())
            {
                // The insert took SQLite's one write lock, held until this transaction ends: no one else can add a client
                // until then, so the ids SQLite would give the next ones are this one's successors. They are inserted with
                // those ids, RowsPerStatement to a statement (one RETURNING insert per created client was a fifth of the apply).
                (_nextSqliteId, _nextSqliteIdTransaction) = (client.Id + 1, transaction);
            }
        }

        if (client.XpmLink is { } link)
        {
            _pendingLinks.Add((link, client.Id));
        }
    }

    /// <summary>
    /// Inserts the queued links, <see cref="RowsPerStatement"/> to a statement: one statement per created client for its
    /// link was half the statements of a first import. A link's key is its client's id, known only once the client row
    /// is in, so the links go after their clients.
    /// </summary>
    public async Task FlushLinksAsync(CancellationToken cancellationToken)
    {
        // The clients with reserved ids first: a link's row refers to its client's.
        var clientColumns = _clientColumns.Prepend(KeyOf(_clientType)).ToArray();
        var columns = _linkColumns.Prepend(KeyOf(_linkType)).ToArray();
        if (_copy)
        {
            if (_pendingClients.Count > 0)
            {
                await Copy("Client", _clientType, clientColumns).WriteAsync(_db, _pendingClients, cancellationToken);
            }

            if (_pendingLinks.Count > 0)
            {
                await Copy("ClientLink", _linkType, columns)
                    .WriteAsync(_db, _pendingLinks.ConvertAll(l => (object)l.Link), cancellationToken, _pendingLinks.ConvertAll(l => l.ClientId));
            }

            _pendingClients.Clear();
            _pendingLinks.Clear();
            return;
        }

        foreach (var chunk in _pendingClients.Chunk(RowsPerStatement))
        {
            await Get($"insert:ClientWithId:{chunk.Length}", () => Insert(_clientType, clientColumns, returningKey: false, chunk.Length))
                .ExecuteAsync(_db, chunk.Cast<object>().ToArray(), cancellationToken);
        }

        _pendingClients.Clear();
        for (var start = 0; start < _pendingLinks.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, _pendingLinks.Count - start);
            var chunk = _pendingLinks.GetRange(start, count);
            await Get($"insert:ClientLink:{count}", () => Insert(_linkType, columns, returningKey: false, count))
                .ExecuteAsync(_db, chunk.Select(l => (object)l.Link).ToArray(), cancellationToken, chunk.Select(l => (int?)l.ClientId).ToArray());
        }

        _pendingLinks.Clear();
    }

    /// <summary>
    /// Writes the client's and its link's columns that differ from <paramref name="before"/>; no statement when none do.
    /// A link the client had no row for is queued for <see cref="FlushLinksAsync"/>.
    /// </summary>
    /// <returns>Whether anything was written.</returns>
    public async Task<bool> UpdateClientAsync(Client client, ClientValues before, CancellationToken cancellationToken)
    {
        var wrote = await UpdateChangedAsync(_clientType, _clientColumns, before.Client, client, null, cancellationToken);
        if (client.XpmLink is not { } link)
        {
            return wrote;
        }

        if (before.Link is null)
        {
            _pendingLinks.Add((link, client.Id));
            return true;
        }

        return await UpdateChangedAsync(_linkType, _linkColumns, before.Link, link, client.Id, cancellationToken) || wrote;
    }

    /// <summary>
    /// Inserts rows of an entity type whose key the database generates, <see cref="RowsPerStatement"/> to a statement
    /// (a multi-row VALUES list, which SQLite and PostgreSQL both take): the per-statement cost, not the row, dominated
    /// the audit rows of a first import (about eight per created client).
    /// </summary>
    public async Task InsertManyAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = _db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (_copy)
        {
            if (rows.Count > 0)
            {
                await Copy(entityType.Name, entityType, ColumnsOf(entityType).ToArray()).WriteAsync(_db, rows, cancellationToken);
            }

            return;
        }

        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            var insert = Get($"insert:{entityType.Name}:{count}", () => Insert(entityType, ColumnsOf(entityType), returningKey: false, count));
            await insert.ExecuteAsync(_db, rows.Skip(start).Take(count).Cast<object>().ToArray(), cancellationToken);
        }
    }

    /// <summary>
    /// Was 10 while Microsoft.Data.Sqlite looked each parameter up by name on every execution (a linear scan, so long
    /// statements were slower than short ones); bound by position (<see cref="RepeatedCommand"/>), 50 was a little faster
    /// than 10 at 20,000 clients. Well inside both providers' parameter limits.
    /// </summary>
    private const int RowsPerStatement = 50;

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        await _db.Database.CloseConnectionAsync();
    }

    private async Task<bool> UpdateChangedAsync(IEntityType entityType, IProperty[] columns, object?[] before, object row, int? shadowKey, CancellationToken cancellationToken)
    {
        var changed = new List<IProperty>();
        for (var i = 0; i < columns.Length; i++)
        {
            if (!Equals(before[i], Get(columns[i], row)))
            {
                changed.Add(columns[i]);
            }
        }

        if (changed.Count == 0)
        {
            return false;
        }

        var key = $"update:{entityType.Name}:{string.Join(',', changed.Select(p => p.Name))}";
        await Get(key, () => Update(entityType, changed)).ExecuteAsync(_db, row, shadowKey, cancellationToken);
        return true;
    }

    private PostgresCopy Copy(string key, IEntityType entityType, IProperty[] columns)
    {
        if (!_copies.TryGetValue(key, out var copy))
        {
            _copies[key] = copy = PostgresCopy.For(_db, entityType, columns);
        }

        return copy;
    }

    private Command Get(string key, Func<Command> create)
    {
        if (!_commands.TryGetValue(key, out var command))
        {
            _commands[key] = command = create();
        }

        return command;
    }

    /// <summary>Every column but a generated key, complex properties (addresses) flattened, as EF's own INSERT has them.</summary>
    private static IEnumerable<IProperty> ColumnsOf(IEntityType entityType) => entityType.GetProperties()
        .Where(p => !p.IsPrimaryKey())
        .Concat(entityType.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()));

    private static IProperty KeyOf(IEntityType entityType) => entityType.FindPrimaryKey()!.Properties.Single();

    private static object? Get(IProperty property, object row) => property.GetGetter().GetClrValueUsingContainingEntity(row);

    private Command Insert(IEntityType entityType, IEnumerable<IProperty> properties, bool returningKey, int rows = 1)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var list = properties.ToList();
        var command = _db.Database.GetDbConnection().CreateCommand();
        var columns = Enumerable.Range(0, rows).SelectMany(r => list.Select((p, i) => Column.For(command, p, $"p{(r * list.Count) + i}", _sql))).ToArray();
        command.CommandText =
            $"INSERT INTO {_sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", list.Select(p => _sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES {string.Join(", ", columns.Chunk(list.Count).Select(row => $"({string.Join(", ", row.Select(c => c.Parameter.ParameterName))})"))}" +
            (returningKey ? $" RETURNING {_sql.DelimitIdentifier(KeyOf(entityType).GetColumnName(table)!)}" : "");
        return new Command(command, columns, list.Count);
    }

    private Command Update(IEntityType entityType, IReadOnlyList<IProperty> set)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var command = _db.Database.GetDbConnection().CreateCommand();
        var columns = set.Append(KeyOf(entityType)).Select((p, i) => Column.For(command, p, $"p{i}", _sql)).ToArray();
        string Assign(Column c) => $"{_sql.DelimitIdentifier(c.Property.GetColumnName(table)!)} = {c.Parameter.ParameterName}";
        command.CommandText = $"UPDATE {_sql.DelimitIdentifier(table.Name, table.Schema)} SET {string.Join(", ", columns.SkipLast(1).Select(Assign))} WHERE {Assign(columns[^1])}";
        return new Command(command, columns, columns.Length);
    }

    /// <summary>A client's column values and its link's (null: no link), in the writer's column order.</summary>
    internal sealed record ClientValues(object?[] Client, object?[]? Link);

    /// <summary>One EF property bound to one parameter. A shadow property (an owned row's key) takes the value passed in.</summary>
    private sealed record Column(IProperty Property, IClrPropertyGetter? Getter, ValueConverter? Converter, DbParameter Parameter)
    {
        // The provider's own mapping makes the parameter (SQLite: a GUID or a date bound as TEXT, as EF stores them),
        // named with the provider's prefix (@p0) so Microsoft.Data.Sqlite needn't try each prefix on every bind.
        public static Column For(DbCommand command, IProperty property, string name, ISqlGenerationHelper sql)
        {
            var parameter = ((RelationalTypeMapping)property.GetTypeMapping()).CreateParameter(command, sql.GenerateParameterName(name), null, nullable: true);
            command.Parameters.Add(parameter);
            return new Column(property, property.IsShadowProperty() ? null : property.GetGetter(), property.GetTypeMapping().Converter, parameter);
        }

        public void Bind(object row, int? shadowValue)
        {
            var value = Getter is null ? shadowValue : Getter.GetClrValueUsingContainingEntity(row);
            Parameter.Value = value is null ? DBNull.Value : Converter is null ? value : Converter.ConvertToProvider(value) ?? DBNull.Value;
        }
    }

    /// <summary>A prepared statement; a multi-row insert binds its columns row after row (<paramref name="rowWidth"/> each).</summary>
    private sealed class Command(DbCommand command, Column[] columns, int rowWidth) : IAsyncDisposable
    {
        private readonly RepeatedCommand _repeated = new(command);

        public async Task ExecuteAsync(PortalDbContext db, object row, int? shadowValue, CancellationToken cancellationToken) =>
            await _repeated.ExecuteNonQueryAsync(Bind(db, row, shadowValue), cancellationToken);

        /// <param name="shadowValues">Each row's value for a shadow column (an owned row's key), if the rows have one.</param>
        public async Task ExecuteAsync(PortalDbContext db, object[] rows, CancellationToken cancellationToken, int?[]? shadowValues = null)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Bind(rows[i / rowWidth], shadowValues?[i / rowWidth]);
            }

            await _repeated.ExecuteNonQueryAsync(TransactionOf(db), cancellationToken);
        }

        public async Task<long> ExecuteScalarAsync(PortalDbContext db, object row, int? shadowValue, CancellationToken cancellationToken) =>
            await _repeated.ExecuteScalarAsync(Bind(db, row, shadowValue), cancellationToken);

        public ValueTask DisposeAsync()
        {
            _repeated.Dispose();
            return ValueTask.CompletedTask;
        }

        private DbTransaction Bind(PortalDbContext db, object row, int? shadowValue)
        {
            foreach (var column in columns)
            {
                column.Bind(row, shadowValue);
            }

            return TransactionOf(db);
        }

        private static DbTransaction TransactionOf(PortalDbContext db) => db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The apply writes inside the context's transaction.");
    }
}
