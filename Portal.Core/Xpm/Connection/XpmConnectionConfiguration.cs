using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Practices;

namespace Portal.Core.Xpm.Connection;

internal sealed class XpmConnectionConfiguration : IEntityTypeConfiguration<XpmConnection>, IEntityTypeConfiguration<XpmAuthorization>
{
    public void Configure(EntityTypeBuilder<XpmConnection> builder)
    {
        builder.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId);
        builder.HasIndex(c => c.PracticeId).IsUnique();
        builder.Property(c => c.TenantId).HasMaxLength(100);
        builder.Property(c => c.TenantName).HasMaxLength(300);
        builder.Property(c => c.ConnectionId).HasMaxLength(100);
        builder.Property(c => c.ConnectedBy).HasMaxLength(320);
        builder.Property(c => c.Scopes).HasMaxLength(500);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.StatusReason).HasMaxLength(500);
        // Rotated refresh tokens are written by one refresh at a time; the token marks a lost race.
        builder.Property(c => c.ProtectedRefreshToken).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<XpmAuthorization> builder)
    {
        builder.HasOne<Practice>().WithMany().HasForeignKey(a => a.PracticeId);
        builder.HasIndex(a => a.State).IsUnique();
        builder.Property(a => a.State).HasMaxLength(100);
        builder.Property(a => a.RedirectUri).HasMaxLength(500);
        builder.Property(a => a.StartedBy).HasMaxLength(320);
    }
}
