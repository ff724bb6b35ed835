using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.Practices;
using Portal.Core.Staff;

namespace Portal.Core.Data;

/// <remarks>
/// Add a migration (from the repository root):
/// <c>dotnet ef migrations add &lt;Intent&gt; --project Portal.Core --startup-project Portal.Web --output-dir Data/Migrations</c>
/// and the same for PostgreSQL (its own assembly, see docs/scale-out.md):
/// <c>dotnet ef migrations add &lt;Intent&gt; --project Portal.Migrations.Postgres --startup-project Portal.Migrations.Postgres --output-dir Migrations</c>
/// </remarks>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Data Protection's key ring (<c>DataProtection:Store=Database</c>, the default on PostgreSQL), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Whatever the provider and whoever made the options: every save forgets the import fingerprint of a client it changes.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(Import.Apply.ImportFingerprintReset.Instance);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsNpgsql())
        {
            // Every DateTime the portal stores is UTC, but SQLite hands them back (and some parsers build them) with
            // Kind=Unspecified, which Npgsql refuses to write to a timestamptz column. Mark them UTC on the way in and out.
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        }
    }
}
