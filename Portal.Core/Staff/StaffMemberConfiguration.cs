using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Practices;
using Portal.Core.Xpm;

namespace Portal.Core.Staff;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.HasOne<Practice>().WithMany().HasForeignKey(s => s.PracticeId);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(320);
        builder.Property(s => s.Phone).HasMaxLength(50);
        builder.Property(s => s.Mobile).HasMaxLength(50);
        builder.Property(s => s.PortalRole).HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(s => s.XpmLink, link => link.MapXpmLink("StaffXpmLinks"));
        builder.HasIndex(s => new { s.PracticeId, s.Email });
    }
}
