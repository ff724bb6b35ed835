using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Clients;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Fetch;

internal sealed class StagingConfiguration :
    IEntityTypeConfiguration<StagedStaff>,
    IEntityTypeConfiguration<StagedClient>,
    IEntityTypeConfiguration<StagedRelationship>
{
    public void Configure(EntityTypeBuilder<StagedStaff> builder)
    {
        builder.ToTable("StagedStaff");
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.RunId, s.XpmUuid }).IsUnique();
        builder.Property(s => s.MatchKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.MatchReason).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<StagedClient> builder)
    {
        // PostgreSQL writes a new row version on every update; with room left on each page (70 % full), a tick on the
        // Clients step (IsSelected, in no index) is a heap-only update that touches no index: "select all people" at
        // 20,000 clients took 246 ms without it (docs/benchmarks.md). SQLite ignores the setting.
        builder.HasStorageParameter("fillfactor", 70);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(c => c.PhysicalAddress, a => a.MapAddress("Physical"));
        builder.ComplexProperty(c => c.PostalAddress, a => a.MapAddress("Postal"));
        builder.HasIndex(c => new { c.RunId, c.XpmUuid }).IsUnique();
        builder.HasIndex(c => new { c.RunId, c.Kind, c.Name });
        builder.Property(c => c.MatchKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Suggestion).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.MatchReason).HasMaxLength(500).HasConversion(StandardReasons.Converter);
    }

    public void Configure(EntityTypeBuilder<StagedRelationship> builder)
    {
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RunId, r.ClientUuid });
    }
}
