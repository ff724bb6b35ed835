using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Apply;

internal sealed class ImportOutcomeConfiguration : IEntityTypeConfiguration<ImportOutcome>
{
    public void Configure(EntityTypeBuilder<ImportOutcome> builder)
    {
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(o => o.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.RecordType).HasMaxLength(20);
        builder.Property(o => o.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Reason).HasConversion(StandardReasons.Converter);
        builder.HasIndex(o => o.RunId);
    }
}
