using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Clients;
using Portal.Core.Practices;

namespace Portal.Core.Sync;

internal sealed class SyncConflictConfiguration : IEntityTypeConfiguration<SyncConflict>
{
    public void Configure(EntityTypeBuilder<SyncConflict> builder)
    {
        builder.ToTable("SyncConflicts");
        builder.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId);
        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Field).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Resolution).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.BaseValue).HasMaxLength(1000);
        builder.Property(c => c.PortalValue).HasMaxLength(1000);
        builder.Property(c => c.XpmValue).HasMaxLength(1000);
        builder.Property(c => c.ResolvedBy).HasMaxLength(320);
        builder.Ignore(c => c.IsOpen);
        // One open conflict per client and field. The column is quoted so the filter reads the same on SQLite and PostgreSQL
        // (which folds unquoted names to lower case).
        builder.HasIndex(c => new { c.ClientId, c.Field }).IsUnique().HasFilter("\"ResolvedAt\" IS NULL");
        builder.HasIndex(c => new { c.PracticeId, c.ResolvedAt });
    }
}

internal sealed class SyncFieldPolicyConfiguration : IEntityTypeConfiguration<SyncFieldPolicy>
{
    public void Configure(EntityTypeBuilder<SyncFieldPolicy> builder)
    {
        builder.ToTable("SyncFieldPolicies");
        builder.HasKey(p => new { p.PracticeId, p.Field });
        builder.HasOne<Practice>().WithMany().HasForeignKey(p => p.PracticeId);
        builder.Property(p => p.Field).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Policy).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class SyncRunItemConfiguration : IEntityTypeConfiguration<SyncRunItem>
{
    public void Configure(EntityTypeBuilder<SyncRunItem> builder)
    {
        builder.ToTable("SyncRunItems");
        builder.HasOne<Import.Runs.ImportRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Name).HasMaxLength(300);
        builder.Property(i => i.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Fields).HasMaxLength(1000);
        builder.Property(i => i.Error).HasMaxLength(2000);
        builder.HasIndex(i => new { i.RunId, i.State });
    }
}
