using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Xpm.Models;

namespace Portal.Import.Fetch;

public sealed class XpmClientSnapshotTests
{
    private static readonly Guid AnaUuid = Guid.Parse("43fdc385-d166-48e8-8919-370f806797ee");

    [Fact]
    public void From_Individual_MapsAPersonWithItsAddressesAndBlanksAsNull()
    {
        var record = new XpmClientRecord
        {
            Uuid = AnaUuid,
            Name = " Ana Whitfield ",
            FirstName = "Ana",
            LastName = "Whitfield",
            Email = "",
            Phone = "  ",
            DateOfBirth = new DateOnly(1980, 2, 3),
            BusinessStructure = "Individual",
            Address = "14 Packhouse Road\nUnit 2",
            City = "Hastings",
            Region = "",
            PostCode = "4120",
            Country = "New Zealand",
            PostalAddress = "PO Box 310",
            PostalCity = "Hastings",
            PostalPostCode = "4156",
            PostalCountry = "",
        };

        var snapshot = XpmClientSnapshot.From(record);

        snapshot.ShouldBeEquivalentTo(new XpmClientSnapshot
        {
            XpmUuid = AnaUuid,
            Kind = ClientKind.Person,
            Name = "Ana Whitfield",
            FirstName = "Ana",
            LastName = "Whitfield",
            DateOfBirth = new DateOnly(1980, 2, 3),
            BusinessStructure = "Individual",
            PhysicalAddress = new Address { Street = "14 Packhouse Road\nUnit 2", City = "Hastings", PostCode = "4120", Country = "New Zealand" },
            PostalAddress = new Address { Street = "PO Box 310", City = "Hastings", PostCode = "4156" },
        });
    }

    [Theory]
    [InlineData("Company", ClientKind.Entity)]
    [InlineData("Self Managed Superannuation Fund", ClientKind.Entity)]
    [InlineData("Our Own Structure", ClientKind.Entity)]
    [InlineData("individual", ClientKind.Person)]
    [InlineData(null, ClientKind.Person)]
    public void From_BusinessStructure_GivesTheKind(string? businessStructure, ClientKind expected)
    {
        var snapshot = XpmClientSnapshot.From(new XpmClientRecord { Uuid = AnaUuid, Name = "Someone", BusinessStructure = businessStructure });

        snapshot.Kind.ShouldBe(expected);
    }

    [Fact]
    public void From_PersonWithTheirOwnContact_TakesTheMobileFromIt()
    {
        var record = new XpmClientRecord
        {
            Uuid = AnaUuid,
            Name = "Ana Whitfield",
            Contacts =
            [
                new XpmContact { Name = "Ben Whitfield", Mobile = "021 555 0111", IsPrimary = true },
                new XpmContact { Name = "Ana Whitfield", Mobile = "021 555 0122", IsDeleted = true },
                new XpmContact { Name = "ana whitfield", Mobile = " 021 555 0199 " },
            ],
        };

        var snapshot = XpmClientSnapshot.From(record);

        snapshot.Mobile.ShouldBe("021 555 0199");
    }

    [Fact]
    public void From_EntityWithAContact_HasNoMobile()
    {
        var record = new XpmClientRecord
        {
            Uuid = AnaUuid,
            Name = "Kowhai Ridge Orchards Ltd",
            BusinessStructure = "Company",
            Contacts = [new XpmContact { Name = "Kowhai Ridge Orchards Ltd", Mobile = "021 555 0199", IsPrimary = true }],
        };

        var snapshot = XpmClientSnapshot.From(record);

        snapshot.Mobile.ShouldBeNull();
    }
}
