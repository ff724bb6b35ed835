using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Portal.Core.Data;

/// <summary>
/// A binary <c>COPY … FROM STDIN</c> of one entity type's rows into its table, PostgreSQL's bulk-load protocol: one
/// stream per call instead of a parsed and planned multi-row INSERT per 50 rows. Columns, wire types and value
/// conversions come from the EF model, as EF's own parameters have them, so a copied row reads back as one EF wrote.
/// Used by the fetch's staging and the apply's bulk writes.
/// </summary>
internal sealed class PostgresCopy
{
    private readonly string _sql;
    private readonly (IClrPropertyGetter? Getter, ValueConverter? Converter, NpgsqlDbType? Type)[] _columns;

    private PostgresCopy(string sql, (IClrPropertyGetter?, ValueConverter?, NpgsqlDbType?)[] columns) => (_sql, _columns) = (sql, columns);

    /// <param name="properties">The columns written, in order. A shadow property (an owned row's key) takes the row's value passed to <see cref="WriteAsync"/>.</param>
    public static PostgresCopy For(PortalDbContext db, IEntityType entityType, IReadOnlyList<IProperty> properties)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        // The provider's own mapping says each column's wire type, as it does for a parameter.
        using var command = db.Database.GetDbConnection().CreateCommand();
        var columns = properties.Select(p =>
        {
            var parameter = (NpgsqlParameter)((RelationalTypeMapping)p.GetTypeMapping()).CreateParameter(command, "p", null, nullable: true);
            NpgsqlDbType? type = parameter.NpgsqlDbType == NpgsqlDbType.Unknown ? null : parameter.NpgsqlDbType;
            return (p.IsShadowProperty() ? null : p.GetGetter(), p.GetTypeMapping().Converter, type);
        }).ToArray();
        return new PostgresCopy(
            $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) FROM STDIN (FORMAT BINARY)",
            columns);
    }

    /// <param name="shadowValues">Each row's value for its shadow column, if the rows have one.</param>
    public async Task WriteAsync(PortalDbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken, IReadOnlyList<int>? shadowValues = null)
    {
        // On the connection's open transaction: the rows commit or roll back with it.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(_sql, cancellationToken);
        for (var row = 0; row < rows.Count; row++)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var (getter, converter, type) in _columns)
            {
                var value = getter is null ? shadowValues![row] : getter.GetClrValueUsingContainingEntity(rows[row]);
                value = value is null || converter is null ? value : converter.ConvertToProvider(value);
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else if (type is { } dbType)
                {
                    await importer.WriteAsync(value, dbType, cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
