using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Data;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// Writes staged rows with prepared ADO.NET commands on the context's own connection, inside the context's current
/// transaction, with no change tracking: staging 20,000 clients through <c>Add</c> + <c>SaveChanges</c> took 7.4 s of a
/// 9 s fetch (measured, docs/benchmarks.md); prepared inserts take a fraction of that.
/// <para>
/// Hand-written because EF Core has no bulk insert and the project carries no bulk library (linq2db would be a second ORM
/// for three tables). It stays faithful to EF's mapping: table and column names, value converters (enums as strings) and
/// provider parameter types (GUIDs and dates as SQLite text) all come from the EF model, so a row written here reads
/// back exactly as one EF wrote (proven by <c>StagingWriterTests</c>).
/// </para>
/// </summary>
internal sealed class StagingWriter : IAsyncDisposable
{
    private readonly PortalDbContext _db;
    /// <summary>Rows an insert on SQLite (fewer statements), and an update on PostgreSQL (one round trip for 50).</summary>
    private const int RowsPerStatement = 50;

    private readonly Dictionary<(Type Type, int Rows), PreparedRow> _inserts = [];
    private readonly Dictionary<Type, List<object>> _pending = [];
    private readonly Dictionary<string, PreparedRow> _updates = [];

    private readonly Dictionary<Type, PostgresCopy> _copies = [];

    /// <summary>
    /// PostgreSQL takes the held rows by binary <c>COPY</c> at <see cref="FlushAsync"/>, its bulk-load protocol: one
    /// stream per batch and table instead of a parsed and planned 50-row INSERT per 50 rows (which, with the server's
    /// own CPU on the same two cores, was most of a 20,000-client fetch's time on PostgreSQL).
    /// </summary>
    private readonly bool _copy;

    private StagingWriter(PortalDbContext db)
    {
        _db = db;
        _copy = db.Database.IsNpgsql();
    }

    /// <summary>Opens the context's connection for the writer's life, so the prepared statements survive between batches.</summary>
    public static async Task<StagingWriter> OpenAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new StagingWriter(db);
    }

    /// <summary>
    /// Inserts one row of an entity type whose key the database generates, <see cref="RowsPerStatement"/> rows a
    /// statement on SQLite, by binary <c>COPY</c> on PostgreSQL: it may hold the row back until <see cref="FlushAsync"/>,
    /// which the caller runs before its transaction commits. Needs the context's transaction open.
    /// </summary>
    public async Task InsertAsync<T>(T row, CancellationToken cancellationToken)
        where T : class
    {
        if (!_pending.TryGetValue(typeof(T), out var rows))
        {
            _pending[typeof(T)] = rows = new List<object>(RowsPerStatement);
        }

        rows.Add(row);
        if (rows.Count == RowsPerStatement && !_copy)
        {
            await WriteAsync(typeof(T), rows, cancellationToken);
        }
    }

    /// <summary>Writes the rows <see cref="InsertAsync"/> holds back; run it before the transaction commits.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (type, rows) in _pending.Where(p => p.Value.Count > 0))
        {
            if (_copy)
            {
                await CopyAsync(type, rows, cancellationToken);
            }
            else
            {
                await WriteAsync(type, rows, cancellationToken);
            }
        }
    }

    private async Task CopyAsync(Type type, List<object> rows, CancellationToken cancellationToken)
    {
        if (!_copies.TryGetValue(type, out var copy))
        {
            var (_, properties) = InsertedColumns(_db, type);
            _copies[type] = copy = PostgresCopy.For(_db, _db.Model.FindEntityType(type)!, properties);
        }

        await copy.WriteAsync(_db, rows, cancellationToken);
        rows.Clear();
    }

    /// <summary>Forgets the rows held back: their transaction did not commit.</summary>
    public void DiscardPending()
    {
        foreach (var rows in _pending.Values)
        {
            rows.Clear();
        }
    }

    private async Task WriteAsync(Type type, List<object> rows, CancellationToken cancellationToken)
    {
        if (!_inserts.TryGetValue((type, rows.Count), out var insert))
        {
            _inserts[(type, rows.Count)] = insert = PreparedRow.Insert(_db, type, rows.Count);
        }

        await insert.ExecuteAsync(_db, rows, cancellationToken);
        rows.Clear();
    }

    /// <summary>Updates the <paramref name="set"/> properties of the row with <paramref name="row"/>'s key. Needs the context's transaction open.</summary>
    public Task UpdateAsync<T>(T row, string[] set, CancellationToken cancellationToken)
        where T : class
    {
        var key = $"{typeof(T).FullName}:{string.Join(',', set)}";
        if (!_updates.TryGetValue(key, out var update))
        {
            _updates[key] = update = PreparedRow.Update(_db, typeof(T), set);
        }

        return update.ExecuteAsync(_db, [row], cancellationToken);
    }

    /// <summary>
    /// <see cref="UpdateAsync"/> for many rows. On PostgreSQL <see cref="RowsPerStatement"/> rows go in one
    /// <c>UPDATE … FROM (VALUES …)</c>, one round trip for 50 (the fetch's match wrote 20,000 rows one round trip each);
    /// SQLite, with no round trip to save, updates row by row.
    /// </summary>
    public async Task UpdateManyAsync<T>(IReadOnlyList<T> rows, string[] set, CancellationToken cancellationToken)
        where T : class
    {
        if (_db.Database.IsSqlite())
        {
            foreach (var row in rows)
            {
                await UpdateAsync(row, set, cancellationToken);
            }

            return;
        }

        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var key = $"{typeof(T).FullName}:{string.Join(',', set)}:{chunk.Length}";
            if (!_updates.TryGetValue(key, out var update))
            {
                _updates[key] = update = PreparedRow.UpdateFromValues(_db, typeof(T), set, chunk.Length);
            }

            await update.ExecuteAsync(_db, chunk, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _inserts.Values.Concat(_updates.Values))
        {
            await command.DisposeAsync();
        }

        await _db.Database.CloseConnectionAsync();
    }

    /// <summary>One prepared statement and the EF properties whose values it binds, in parameter order.</summary>
    internal sealed class PreparedRow : IAsyncDisposable
    {
        private readonly RepeatedCommand _command;
        private readonly Column[] _columns;
        private readonly int _rowWidth;

        private PreparedRow(DbCommand command, IEnumerable<(IProperty Property, DbParameter Parameter)> columns, int rowWidth)
        {
            _command = new RepeatedCommand(command);
            _rowWidth = rowWidth;
            // Looked up once: the getter and converter lookups cost more than the insert itself when done per row.
            _columns = columns.Select(c => new Column(c.Property.GetGetter(), c.Property.GetTypeMapping().Converter, c.Parameter)).ToArray();
        }

        /// <summary><c>INSERT INTO table (columns) VALUES (…), (…)</c> with <paramref name="rows"/> rows.</summary>
        public static PreparedRow Insert(PortalDbContext db, Type clrType, int rows)
        {
            var (table, properties) = InsertedColumns(db, clrType);
            var sql = db.GetService<ISqlGenerationHelper>();
            var command = db.Database.GetDbConnection().CreateCommand();
            var columns = Enumerable.Range(0, rows)
                .SelectMany(r => properties.Select((p, i) => (p, Parameter(command, p, $"p{(r * properties.Count) + i}", sql))))
                .ToList();
            command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
                $"VALUES {string.Join(", ", columns.Chunk(properties.Count).Select(row => $"({string.Join(", ", row.Select(c => c.Item2.ParameterName))})"))}";
            return new PreparedRow(command, columns, properties.Count);
        }

        /// <summary>An update by key: <c>UPDATE table SET (set) WHERE key = @key</c>; <see cref="ExecuteAsync"/> then takes the row.</summary>
        public static PreparedRow Update(PortalDbContext db, Type clrType, params string[] set)
        {
            var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var key = entityType.FindPrimaryKey()!.Properties.Single();
            var sql = db.GetService<ISqlGenerationHelper>();
            var command = db.Database.GetDbConnection().CreateCommand();
            var columns = set.Select(entityType.GetProperty).Append(key).Select((p, i) => (p, Parameter(command, p, $"p{i}", sql))).ToList();
            string Assign((IProperty Property, DbParameter Parameter) c) =>
                $"{sql.DelimitIdentifier(c.Property.GetColumnName(table)!)} = {c.Parameter.ParameterName}";
            command.CommandText = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {string.Join(", ", columns.SkipLast(1).Select(Assign))} WHERE {Assign(columns[^1])}";
            return new PreparedRow(command, columns, columns.Count);
        }

        /// <summary>Binds each row's values to its columns (<see cref="_rowWidth"/> a row) and runs the statement once.</summary>
        /// <summary>
        /// <c>UPDATE table SET (set) = v… FROM (VALUES (set…, key), …) AS v WHERE key = v.key</c> with <paramref name="rows"/>
        /// rows (PostgreSQL's syntax; its parameters are typed, so the VALUES columns take the columns' types).
        /// </summary>
        public static PreparedRow UpdateFromValues(PortalDbContext db, Type clrType, string[] set, int rows)
        {
            var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var key = entityType.FindPrimaryKey()!.Properties.Single();
            var sql = db.GetService<ISqlGenerationHelper>();
            var command = db.Database.GetDbConnection().CreateCommand();
            var properties = set.Select(entityType.GetProperty).Append(key).ToList();
            var columns = Enumerable.Range(0, rows)
                .SelectMany(r => properties.Select((p, i) => (p, Parameter(command, p, $"p{(r * properties.Count) + i}", sql))))
                .ToList();
            var names = properties.Select((_, i) => $"c{i}").ToList();
            command.CommandText =
                $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} AS t SET " +
                string.Join(", ", properties.SkipLast(1).Select((p, i) => $"{sql.DelimitIdentifier(p.GetColumnName(table)!)} = v.{names[i]}")) +
                $" FROM (VALUES {string.Join(", ", columns.Chunk(properties.Count).Select(row => $"({string.Join(", ", row.Select(c => c.Item2.ParameterName))})"))})" +
                $" AS v({string.Join(", ", names)}) WHERE t.{sql.DelimitIdentifier(key.GetColumnName(table)!)} = v.{names[^1]}";
            return new PreparedRow(command, columns, properties.Count);
        }

        public async Task ExecuteAsync(PortalDbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken)
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Staged rows are written inside the context's transaction.");
            for (var i = 0; i < _columns.Length; i++)
            {
                var column = _columns[i];
                var value = column.Getter.GetClrValueUsingContainingEntity(rows[i / _rowWidth]);
                column.Parameter.Value = value is null ? DBNull.Value : column.Converter is null ? value : column.Converter.ConvertToProvider(value) ?? DBNull.Value;
            }

            await _command.ExecuteNonQueryAsync(transaction, cancellationToken);
        }

        public ValueTask DisposeAsync()
        {
            _command.Dispose();
            return ValueTask.CompletedTask;
        }

        private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);

        // The provider's own mapping makes the parameter (SQLite: a GUID or a date bound as TEXT, as EF stores them).
        // Named with the provider's prefix (@p0): Microsoft.Data.Sqlite otherwise tries each prefix in turn on every bind
        // (profiled: 14 % of staging).
        private static DbParameter Parameter(DbCommand command, IProperty property, string name, ISqlGenerationHelper sql)
        {
            var parameter = ((RelationalTypeMapping)property.GetTypeMapping()).CreateParameter(command, sql.GenerateParameterName(name), null, nullable: true);
            command.Parameters.Add(parameter);
            return parameter;
        }
    }

    /// <summary>An entity type's table and the columns an insert writes: all but a generated key, addresses flattened.</summary>
    private static (StoreObjectIdentifier Table, List<IProperty> Properties) InsertedColumns(PortalDbContext db, Type clrType)
    {
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        return (StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema()), entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Concat(entityType.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
            .ToList());
    }
}
