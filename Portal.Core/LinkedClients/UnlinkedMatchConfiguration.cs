using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Clients;

namespace Portal.Core.LinkedClients;

internal sealed class UnlinkedMatchConfiguration : IEntityTypeConfiguration<UnlinkedMatch>
{
    public void Configure(EntityTypeBuilder<UnlinkedMatch> builder)
    {
        builder.HasOne<Client>().WithMany().HasForeignKey(u => u.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(u => u.Reason).HasMaxLength(500);
        builder.Property(u => u.UnlinkedBy).HasMaxLength(320);
        builder.HasIndex(u => new { u.PracticeId, u.XpmUuid });
    }
}
