using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// SQLite through a context factory (one context per operation). A relative <c>Data Source</c> is
    /// resolved against <paramref name="contentRoot"/>, and its folder is created when missing.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, string connectionString, string contentRoot)
    {
        var resolved = ResolveConnectionString(connectionString, contentRoot);
        services.AddDbContextFactory<PortalDbContext>(options => options.UseSqlite(resolved));
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

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
