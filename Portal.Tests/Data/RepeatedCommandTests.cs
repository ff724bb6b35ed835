using System.Data.Common;
using Microsoft.Data.Sqlite;
using Portal.Core.Data;

namespace Portal.Data;

/// <summary>
/// <see cref="RepeatedCommand"/> binds on SQLite's own statement; every value must land exactly as Microsoft.Data.Sqlite
/// would have stored it, or rows the writers insert would read back differently from rows EF wrote.
/// </summary>
public sealed class RepeatedCommandTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync();
        // No declared type: no affinity, so each value is stored exactly as it was bound.
        await ExecuteAsync("CREATE TABLE stored (id INTEGER PRIMARY KEY, value, unique_value UNIQUE)");
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    public enum Sample
    {
        First = 3,
    }

    public static TheoryData<string, object?, SqliteType?> Values() => new()
    {
        { "null", null, null },
        { "text", "Smith & Co — 'Ltd'", SqliteType.Text },
        { "empty text", "", SqliteType.Text },
        { "text beyond ASCII", "Ngā Hau e Whā Ōrchards 🍎", SqliteType.Text },
        // Longer than the UTF-8 buffer a command starts with.
        { "long text", string.Concat(Enumerable.Repeat("Whānau trust — ", 40)), SqliteType.Text },
        { "date and time, whole seconds", new DateTime(2026, 12, 1, 3, 4, 5, DateTimeKind.Utc), SqliteType.Text },
        { "true", true, SqliteType.Integer },
        { "int", -42, SqliteType.Integer },
        { "long", long.MaxValue, SqliteType.Integer },
        { "short", (short)7, SqliteType.Integer },
        { "byte", (byte)255, SqliteType.Integer },
        { "double", 1.25, SqliteType.Real },
        { "float", 0.5f, SqliteType.Real },
        { "decimal", 12.3400m, SqliteType.Text },
        { "date and time", new DateTime(2026, 12, 1, 3, 4, 5, 678, DateTimeKind.Utc).AddTicks(9), SqliteType.Text },
        { "date", new DateOnly(1980, 2, 29), SqliteType.Text },
        { "guid as text", Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), SqliteType.Text },
        { "guid as blob", Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), SqliteType.Blob },
        { "bytes", new byte[] { 0, 1, 254 }, SqliteType.Blob },
        { "enum", Sample.First, SqliteType.Integer },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Value_IsStoredAsMicrosoftDataSqliteStoresIt(string name, object? value, SqliteType? type)
    {
        await using (var plain = Insert(1, value, type))
        {
            await plain.ExecuteNonQueryAsync();
        }

        using (var repeated = new RepeatedCommand(Insert(2, value, type)))
        {
            await using var transaction = await _connection.BeginTransactionAsync();
            await repeated.ExecuteNonQueryAsync(transaction, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var stored = await StoredAsync();
        stored.Count.ShouldBe(2, name);
        stored[1].ShouldBe(stored[0], name);
    }

    [Fact]
    public async Task ExecutedAgain_BindsTheNewValues()
    {
        using var repeated = new RepeatedCommand(Insert(1, "first", SqliteType.Text));
        await using var transaction = await _connection.BeginTransactionAsync();
        await repeated.ExecuteNonQueryAsync(transaction, CancellationToken.None);
        repeated.Command.Parameters[0].Value = 2L;
        repeated.Command.Parameters[1].Value = DBNull.Value;
        await repeated.ExecuteNonQueryAsync(transaction, CancellationToken.None);
        repeated.Command.Parameters[0].Value = 3L;
        repeated.Command.Parameters[1].Value = "2nd";
        await repeated.ExecuteNonQueryAsync(transaction, CancellationToken.None);
        await transaction.CommitAsync();

        (await StoredAsync()).ShouldBe(["text 'first'", "null NULL", "text '2nd'"]);
    }

    [Fact]
    public async Task InsertReturning_ReturnsTheNewId()
    {
        var command = Insert(null, "x", SqliteType.Text);
        command.CommandText += " RETURNING id";
        using var repeated = new RepeatedCommand(command);
        await using var transaction = await _connection.BeginTransactionAsync();

        var first = await repeated.ExecuteScalarAsync(transaction, CancellationToken.None);
        var second = await repeated.ExecuteScalarAsync(transaction, CancellationToken.None);

        (first, second).ShouldBe((1L, 2L));
    }

    [Fact]
    public async Task ConstraintBroken_ThrowsSqliteErrorAndTheStatementRunsAgainAfter()
    {
        var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO stored (unique_value) VALUES (@value)";
        command.Parameters.Add(new SqliteParameter("@value", "same"));
        using var repeated = new RepeatedCommand(command);
        await using var transaction = await _connection.BeginTransactionAsync();
        await repeated.ExecuteNonQueryAsync(transaction, CancellationToken.None);

        var error = await Should.ThrowAsync<SqliteException>(() => repeated.ExecuteNonQueryAsync(transaction, CancellationToken.None));

        error.SqliteErrorCode.ShouldBe(SQLitePCL.raw.SQLITE_CONSTRAINT);
        command.Parameters[0].Value = "other";
        await repeated.ExecuteNonQueryAsync(transaction, CancellationToken.None);
        await transaction.CommitAsync();
        (await CountAsync()).ShouldBe(2);
    }

    private SqliteCommand Insert(long? id, object? value, SqliteType? type)
    {
        var command = _connection.CreateCommand();
        command.CommandText = id is null ? "INSERT INTO stored (value) VALUES (@value)" : "INSERT INTO stored (id, value) VALUES (@id, @value)";
        if (id is not null)
        {
            command.Parameters.Add(new SqliteParameter("@id", id));
        }

        var parameter = new SqliteParameter("@value", value ?? DBNull.Value);
        if (type is { } sqliteType)
        {
            parameter.SqliteType = sqliteType;
        }

        command.Parameters.Add(parameter);
        return command;
    }

    private async Task<List<string>> StoredAsync()
    {
        await using var select = _connection.CreateCommand();
        select.CommandText = "SELECT typeof(value) || ' ' || quote(value) FROM stored ORDER BY id";
        var rows = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private async Task<long> CountAsync()
    {
        await using var count = _connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM stored";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using DbCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
