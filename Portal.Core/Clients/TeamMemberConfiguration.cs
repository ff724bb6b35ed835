using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Clients;

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasOne(t => t.Client).WithMany(c => c.Team).HasForeignKey(t => t.ClientId);
        builder.HasOne(t => t.StaffMember).WithMany().HasForeignKey(t => t.StaffMemberId);
        builder.Property(t => t.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(t => new { t.ClientId, t.StaffMemberId, t.Role }).IsUnique();
    }
}
