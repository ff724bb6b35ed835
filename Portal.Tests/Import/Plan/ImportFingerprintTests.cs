using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Sync;

namespace Portal.Import.Plan;

public sealed class ImportFingerprintTests
{
    [Fact]
    public void Of_SameValues_SameFingerprint() =>
        ImportFingerprint.Of(Ana()).ShouldBe(ImportFingerprint.Of(Ana()));

    [Theory]
    [InlineData("Phone")]
    [InlineData("Street")]
    [InlineData("AccountManager")]
    [InlineData("WebUrl")]
    [InlineData("Archived")]
    public void Of_AnyImportedValueChanged_AnotherFingerprint(string what)
    {
        var changed = Ana();
        switch (what)
        {
            case "Phone": changed.Phone = "09 555 0199"; break;
            case "Street": changed.PhysicalAddress = changed.PhysicalAddress with { Street = "2 Queen Street" }; break;
            case "AccountManager": changed.AccountManagerUuid = Guid.NewGuid(); break;
            case "WebUrl": changed.WebUrl = "https://practicemanager.xero.com/Client/2/Detail"; break;
            case "Archived": changed.IsArchived = true; break;
        }

        ImportFingerprint.Of(changed).ShouldNotBe(ImportFingerprint.Of(Ana()));
    }

    [Fact]
    public void Of_ValuesShiftedBetweenFields_AnotherFingerprint()
    {
        var shifted = Ana();
        (shifted.FirstName, shifted.LastName) = ("AnaW", "hitfield");

        ImportFingerprint.Of(shifted).ShouldNotBe(ImportFingerprint.Of(Ana()));
    }

    [Fact]
    public void Context_DependsOnLevelPoliciesAndStaff()
    {
        var staff = new Dictionary<Guid, int> { [Guid.Parse("7d1c1f0e-0000-0000-0000-000000000001")] = 1 };
        var none = new Dictionary<ImportField, ConflictPolicy>();
        var context = ImportFingerprint.Context(ImportDetailLevel.AllContactDetails, none, staff);

        ImportFingerprint.Context(ImportDetailLevel.AllContactDetails, new Dictionary<ImportField, ConflictPolicy>(), new Dictionary<Guid, int>(staff)).ShouldBe(context);
        ImportFingerprint.Context(ImportDetailLevel.Basic, none, staff).ShouldNotBe(context);
        ImportFingerprint.Context(ImportDetailLevel.AllContactDetails, new Dictionary<ImportField, ConflictPolicy> { [ImportField.Phone] = ConflictPolicy.XpmWins }, staff).ShouldNotBe(context);
        ImportFingerprint.Context(ImportDetailLevel.AllContactDetails, none, new Dictionary<Guid, int> { [staff.Keys.Single()] = 2 }).ShouldNotBe(context);
    }

    [Fact]
    public void Combine_IsStableAndTellsContextsApart()
    {
        ImportFingerprint.Combine(1, 2).ShouldBe(ImportFingerprint.Combine(1, 2));
        ImportFingerprint.Combine(1, 2).ShouldNotBe(ImportFingerprint.Combine(1, 3));
        ImportFingerprint.Combine(1, 2).ShouldNotBe(ImportFingerprint.Combine(2, 1));
    }

    private static StagedClient Ana() => new()
    {
        XpmUuid = Guid.Parse("7d1c1f0e-0000-0000-0000-000000000002"),
        Kind = ClientKind.Person,
        Name = "Ana Whitfield",
        FirstName = "Ana",
        LastName = "Whitfield",
        Phone = "09 555 0100",
        PhysicalAddress = new Address { Street = "1 Queen Street", City = "Auckland" },
        WebUrl = "https://practicemanager.xero.com/Client/1/Detail",
    };
}
