using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Portal.Core.Data;

/// <summary>
/// A prepared command run many times with new parameter values: the staging and apply writers' inserts and updates.
/// <para>
/// On SQLite it runs SQLite's own prepared statement and binds each parameter by its position, found once.
/// Microsoft.Data.Sqlite looks every parameter up by name on every execution (<c>sqlite3_bind_parameter_index</c>, a
/// linear scan of the statement's names): profiled at 20,000 clients that lookup was over half of binding and about a
/// fifth of all statement time in an import (docs/benchmarks.md). Values are bound exactly as Microsoft.Data.Sqlite
/// binds them (its <c>SqliteValueBinder</c>: dates and GUIDs as text, booleans as integers), so a row reads back the same
/// (<c>StagingWriterTests</c>, <c>SetBasedApplyTests</c>). The statement joins whatever transaction the connection has
/// open, as any statement on that connection does. Other providers run the command itself.
/// </para>
/// </summary>
internal sealed class RepeatedCommand(DbCommand command) : IDisposable
{
    private sqlite3_stmt? _statement;
    private int[] _positions = [];
    private bool _prepared;

    /// <summary>
    /// Each text value's UTF-8, encoded (or formatted: dates, GUIDs) here and copied by SQLite as it binds: SQLitePCLRaw's
    /// string overload allocated a new array per value, and binding text was a third of the apply's statement time at
    /// 20,000 clients (docs/benchmarks.md, round 7).
    /// </summary>
    private byte[] _utf8 = new byte[256];

    public DbCommand Command => command;

    public async Task ExecuteNonQueryAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        command.Transaction = transaction;
        if (command.Connection is SqliteConnection sqlite)
        {
            Step(sqlite, returning: false);
            return;
        }

        await PrepareAsync(cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a statement that returns one value (<c>INSERT … RETURNING id</c>) and returns it.</summary>
    public async Task<long> ExecuteScalarAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        command.Transaction = transaction;
        if (command.Connection is SqliteConnection sqlite)
        {
            return Step(sqlite, returning: true);
        }

        await PrepareAsync(cancellationToken);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Elsewhere (PostgreSQL) a server-side prepared statement, once: unprepared, every execution was parsed and planned
    /// again (a 20,000-client fetch took 13.8 s on PostgreSQL; with preparation 8.2 s, docs/benchmarks.md).
    /// </summary>
    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!_prepared)
        {
            await command.PrepareAsync(cancellationToken);
            _prepared = true;
        }
    }

    public void Dispose()
    {
        _statement?.Dispose();
        command.Dispose();
    }

    private long Step(SqliteConnection connection, bool returning)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var statement = _statement ??= Prepare(db);
        try
        {
            for (var i = 0; i < _positions.Length; i++)
            {
                Check(Bind(statement, _positions[i], (SqliteParameter)command.Parameters[i]), db);
            }

            var result = 0L;
            var rc = raw.sqlite3_step(statement);
            if (returning && rc == raw.SQLITE_ROW)
            {
                result = raw.sqlite3_column_int64(statement, 0);
                rc = raw.sqlite3_step(statement);
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, db);
                throw new InvalidOperationException($"Unexpected SQLite result {rc} from: {command.CommandText}");
            }

            return result;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private sqlite3_stmt Prepare(sqlite3 db)
    {
        Check(raw.sqlite3_prepare_v2(db, command.CommandText, out var statement), db);
        _positions = command.Parameters.Cast<DbParameter>()
            .Select(p => raw.sqlite3_bind_parameter_index(statement, p.ParameterName) is > 0 and var position
                ? position
                : throw new InvalidOperationException($"Parameter {p.ParameterName} is not in: {command.CommandText}"))
            .ToArray();
        return statement;
    }

    /// <summary>As Microsoft.Data.Sqlite's <c>SqliteValueBinder</c> binds a value (the types the portal's tables hold).</summary>
    private int Bind(sqlite3_stmt statement, int position, SqliteParameter parameter)
    {
        var value = parameter.Value;
        if (value is not null && value.GetType().IsEnum)
        {
            value = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }

        return value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, position),
            string text => BindText(statement, position, text),
            bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
            int number => raw.sqlite3_bind_int64(statement, position, number),
            long number => raw.sqlite3_bind_int64(statement, position, number),
            short number => raw.sqlite3_bind_int64(statement, position, number),
            byte number => raw.sqlite3_bind_int64(statement, position, number),
            double number => raw.sqlite3_bind_double(statement, position, number),
            float number => raw.sqlite3_bind_double(statement, position, number),
            decimal number => raw.sqlite3_bind_text(statement, position, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            DateTime time when parameter.SqliteType != SqliteType.Real => BindFormatted(statement, position, time, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF"),
            DateOnly date when parameter.SqliteType != SqliteType.Real => BindFormatted(statement, position, date, @"yyyy\-MM\-dd"),
            Guid guid when parameter.SqliteType != SqliteType.Blob => BindGuid(statement, position, guid),
            Guid guid => raw.sqlite3_bind_blob(statement, position, guid.ToByteArray()),
            byte[] bytes => raw.sqlite3_bind_blob(statement, position, bytes),
            _ => throw new NotSupportedException(
                $"{value.GetType().Name} ({parameter.SqliteType}) is not bound by {nameof(RepeatedCommand)}; add it as Microsoft.Data.Sqlite binds it."),
        };
    }

    private int BindText(sqlite3_stmt statement, int position, string text)
    {
        if (text.Length == 0)
        {
            // An empty span is a null pointer, which SQLite binds as NULL: an empty string stays one.
            return raw.sqlite3_bind_text(statement, position, text);
        }

        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < most)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        return raw.sqlite3_bind_text(statement, position, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8)));
    }

    /// <summary>A date as text, formatted as Microsoft.Data.Sqlite formats it, straight to UTF-8 (256 bytes hold any).</summary>
    private int BindFormatted<T>(sqlite3_stmt statement, int position, T value, string format)
        where T : IUtf8SpanFormattable =>
        value.TryFormat(_utf8, out var length, format, CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text(statement, position, _utf8.AsSpan(0, length))
            : throw new InvalidOperationException($"{value} did not format as {format}.");

    /// <summary>A GUID as Microsoft.Data.Sqlite binds it: its 36 characters in upper case.</summary>
    private int BindGuid(sqlite3_stmt statement, int position, Guid guid)
    {
        guid.TryFormat(_utf8, out var length, "D");
        var text = _utf8.AsSpan(0, length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= (byte)'a' and <= (byte)'f')
            {
                text[i] -= 'a' - 'A';
            }
        }

        return raw.sqlite3_bind_text(statement, position, text);
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
