using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Practices;

/// <summary>Creates the practice on first start, named from <see cref="PracticeOptions"/>.</summary>
internal sealed class DefaultPracticeSeeder(IOptions<PracticeOptions> options, TimeProvider time) : IDatabaseSeeder
{
    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Practices.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Practices.Add(new Practice { Name = options.Value.Name, CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }
}
