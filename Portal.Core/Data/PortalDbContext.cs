using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.Practices;
using Portal.Core.Staff;

namespace Portal.Core.Data;

/// <remarks>
/// Add a migration (from the repository root):
/// <c>dotnet ef migrations add &lt;Intent&gt; --project Portal.Core --startup-project Portal.Web --output-dir Data/Migrations</c>
/// </remarks>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
}
