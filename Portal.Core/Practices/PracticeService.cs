using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Practices;

public sealed class PracticeService(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>The practice users sign in to. One per database for now; rows already carry its id.</summary>
    public async Task<Practice> GetDefaultAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Practices.AsNoTracking().OrderBy(p => p.Id).FirstAsync(cancellationToken);
    }
}
