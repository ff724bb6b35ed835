using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Clients;
using Portal.Core.Practices;

namespace Portal.Core.Import;

internal sealed class ImportConfiguration :
    IEntityTypeConfiguration<ImportRun>,
    IEntityTypeConfiguration<StagedStaff>,
    IEntityTypeConfiguration<StagedClient>,
    IEntityTypeConfiguration<StagedRelationship>,
    IEntityTypeConfiguration<StagedGroup>,
    IEntityTypeConfiguration<ImportOutcome>
{
    public void Configure(EntityTypeBuilder<ImportOutcome> builder)
    {
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(o => o.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.RecordType).HasMaxLength(20);
        builder.Property(o => o.Action).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(o => o.RunId);
    }

    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StartedBy).HasMaxLength(320);
        builder.Property(r => r.StartedByEmail).HasMaxLength(320);
        builder.Property(r => r.Phase).HasMaxLength(200);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => new { r.PracticeId, r.Status });
        builder.Property(r => r.DetailLevel).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(r => r.IsActive);
    }

    public void Configure(EntityTypeBuilder<StagedStaff> builder)
    {
        builder.ToTable("StagedStaff");
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.RunId, s.XpmUuid }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<StagedClient> builder)
    {
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(c => c.PhysicalAddress, a => a.MapAddress("Physical"));
        builder.ComplexProperty(c => c.PostalAddress, a => a.MapAddress("Postal"));
        builder.HasIndex(c => new { c.RunId, c.XpmUuid }).IsUnique();
        builder.HasIndex(c => new { c.RunId, c.Kind, c.Name });
        builder.Property(c => c.MatchKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Suggestion).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.MatchReason).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<StagedRelationship> builder)
    {
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RunId, r.ClientUuid });
    }

    public void Configure(EntityTypeBuilder<StagedGroup> builder)
    {
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(g => g.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.RunId, g.XpmUuid }).IsUnique();
    }
}
