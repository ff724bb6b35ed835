using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Clients;

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.HasOne(r => r.Entity).WithMany(c => c.Relationships).HasForeignKey(r => r.EntityId);
        builder.HasOne(r => r.RelatedClient).WithMany(c => c.RelatedTo).HasForeignKey(r => r.RelatedClientId);
        builder.Property(r => r.Type).HasMaxLength(100);
        builder.HasIndex(r => r.XpmUuid).IsUnique();
    }
}
