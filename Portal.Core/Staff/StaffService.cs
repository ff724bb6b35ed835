using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Identity;

namespace Portal.Core.Staff;

public sealed class StaffService(IDbContextFactory<PortalDbContext> contextFactory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<StaffSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var staff = db.StaffMembers.AsNoTracking().Where(s => s.PracticeId == user.PracticeId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Lower case on both sides: SQLite's LIKE ignores (ASCII) case, PostgreSQL's does not.
            var term = $"%{search.Trim().ToLowerInvariant()}%";
            staff = staff.Where(s => EF.Functions.Like(s.Name.ToLower(), term) || (s.Email != null && EF.Functions.Like(s.Email.ToLower(), term)));
        }

        return await staff.OrderBy(s => s.Name)
            .Select(s => new StaffSummary(s.Id, s.Name, s.Email, s.Phone, s.Mobile, s.PortalRole, s.XpmLink != null))
            .ToListAsync(cancellationToken);
    }
}
