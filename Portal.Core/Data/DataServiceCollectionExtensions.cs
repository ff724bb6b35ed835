using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The database through a context factory (one context per operation). On SQLite (the default) a missing connection
    /// string means <c>data/portal.db</c>, a relative <c>Data Source</c> is resolved against <paramref name="contentRoot"/>,
    /// and its folder is created when missing. PostgreSQL needs <c>ConnectionStrings:Portal</c>.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, string? connectionString, string contentRoot,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        services.Configure<DatabaseOptions>(options => options.Provider = provider);
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Portal is empty: set it (e.g. \"Host=db;Database=portal;Username=portal;Password=…\").");
            }

            services.AddDbContextFactory<PortalDbContext>(options => options.UsePortalPostgres(connectionString));
        }
        else
        {
            var resolved = ResolveConnectionString(connectionString ?? "Data Source=data/portal.db", contentRoot);
            services.AddDbContextFactory<PortalDbContext>(options => options.UsePortalSqlite(resolved));
        }

        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    /// <summary>
    /// PostgreSQL as the portal uses it: migrations from their own assembly (see <see cref="DatabaseOptions.PostgresMigrationsAssembly"/>).
    /// No retrying execution strategy: the runs use their own transactions, which it refuses, and a failed run resumes anyway.
    /// </summary>
    public static TBuilder UsePortalPostgres<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly));
        return options;
    }

    /// <summary>
    /// Npgsql prepares nothing by default: each of EF's queries is parsed and planned on every execution. With automatic
    /// preparation the statements a run repeats thousands of times are prepared on first reuse (Npgsql's documented
    /// setting; a 20,000-client fetch on PostgreSQL went from 13.8 s to 8.2 s). A connection string that sets
    /// <c>Max Auto Prepare</c> itself is left as it is.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// SQLite as the portal uses it: a busy timeout and memory-mapped reads on each connection
    /// (<see cref="SqliteConnectionSettings"/>). A list in a query (<c>ids.Contains(x.Id)</c>) goes as one JSON parameter: EF 10's
    /// default of one SQL parameter per item passes SQLite's 32,766-variable limit once a practice selects ~16,000
    /// clients (a full re-import of a big practice failed with "too many SQL variables").
    /// </summary>
    public static TBuilder UsePortalSqlite<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseSqlite(connectionString, ParameterizeCollections).AddInterceptors(SqliteConnectionSettings.Instance);
        return options;
    }

    /// <inheritdoc cref="UsePortalSqlite{TBuilder}(TBuilder, string)"/>
    public static TBuilder UsePortalSqlite<TBuilder>(this TBuilder options, System.Data.Common.DbConnection connection)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseSqlite(connection, ParameterizeCollections).AddInterceptors(SqliteConnectionSettings.Instance);
        return options;
    }

    private static void ParameterizeCollections(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder sqlite) =>
        sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);

    internal static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return builder.ToString();
        }

        if (!Path.IsPathRooted(source))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, source));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
