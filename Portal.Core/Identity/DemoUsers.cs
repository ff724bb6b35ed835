using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Staff;

namespace Portal.Core.Identity;

/// <summary>The staff and manager that demo sign-in uses. Seeded only while demo sign-in is on.</summary>
internal sealed class DemoUsers(TimeProvider time) : IDatabaseSeeder
{
    public const string EmailDomain = "@demo.portal.example";

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var practiceId = await db.Practices.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(cancellationToken);
        await EnsureAsync(db, practiceId, "Sam Staff", "staff" + EmailDomain, StaffRole.Staff, cancellationToken);
        await EnsureAsync(db, practiceId, "Morgan Manager", "manager" + EmailDomain, StaffRole.Manager, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureAsync(PortalDbContext db, int practiceId, string name, string email, StaffRole role, CancellationToken cancellationToken)
    {
        if (!await db.StaffMembers.AnyAsync(s => s.Email == email, cancellationToken))
        {
            db.StaffMembers.Add(new StaffMember
            {
                PracticeId = practiceId,
                Name = name,
                Email = email,
                PortalRole = role,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            });
        }
    }
}
