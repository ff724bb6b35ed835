using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Practices;
using Portal.Core.Xpm;

namespace Portal.Core.Clients;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.BusinessStructure).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Mobile).HasMaxLength(50);
        builder.ComplexProperty(c => c.PhysicalAddress, a => a.MapAddress("Physical"));
        builder.ComplexProperty(c => c.PostalAddress, a => a.MapAddress("Postal"));
        builder.OwnsOne(c => c.XpmLink, link => link.MapXpmLink("ClientXpmLinks"));
        builder.HasIndex(c => new { c.PracticeId, c.Name });
        // Email is not unique: a household can share one (matching never merges them).
        builder.HasIndex(c => new { c.PracticeId, c.Email });
    }
}

internal static class AddressMapping
{
    public static void MapAddress(this ComplexPropertyBuilder<Address> address, string prefix)
    {
        address.Property(a => a.Street).HasColumnName(prefix + "Street").HasMaxLength(500);
        address.Property(a => a.City).HasColumnName(prefix + "City").HasMaxLength(100);
        address.Property(a => a.Region).HasColumnName(prefix + "Region").HasMaxLength(100);
        address.Property(a => a.PostCode).HasColumnName(prefix + "PostCode").HasMaxLength(20);
        address.Property(a => a.Country).HasColumnName(prefix + "Country").HasMaxLength(100);
    }
}
