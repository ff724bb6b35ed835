using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.ScaleOut;

/// <summary>Contexts on a PostgreSQL database the nodes under test share: for queueing work and reading rows beside them.</summary>
internal sealed class SharedDatabase(string connectionString) : IDbContextFactory<PortalDbContext>
{
    private readonly DbContextOptions<PortalDbContext> _options =
        new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgres(connectionString).Options;

    public string ConnectionString => connectionString;

    public PortalDbContext CreateDbContext() => new(_options);

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var db = CreateDbContext();
        return await action(db);
    }
}
