using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Practices;

namespace Portal.Core.Import.Runs;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
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
        builder.HasIndex(r => r.FetchRunId);
        builder.HasIndex(r => r.UndoOfRunId);
        builder.Property(r => r.DetailLevel).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.LeaseOwner).HasMaxLength(200);
        builder.Ignore(r => r.IsActive);
    }
}
