using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.RecordType).HasMaxLength(20);
        builder.Property(a => a.Field).HasMaxLength(100);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ChangedBy).HasMaxLength(320);
        builder.HasIndex(a => new { a.RecordType, a.RecordId });
        builder.HasIndex(a => a.RunId);
    }
}
