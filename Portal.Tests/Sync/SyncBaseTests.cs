using System.Text.Json;
using Portal.Core.Import.Plan;
using Portal.Core.Sync;
using Portal.Import;

namespace Portal.Sync;

public sealed class SyncBaseTests
{
    [Fact]
    public void ToJson_ThenParse_KeepsTheAgreedFieldsAndValues()
    {
        var values = new PortalClientValues { Name = "Ana Whitfield", Email = "ana@kowhairidge.example", Phone = "06 555 0142" };
        var @base = SyncBase.None.Agree(values, ImportField.Email).Agree(values, ImportField.Phone);

        var read = SyncBase.Parse(@base.ToJson());

        read.Agreed.ShouldBe([ImportField.Email, ImportField.Phone], ignoreOrder: true);
        (read.Values.Email, read.Values.Phone).ShouldBe(("ana@kowhairidge.example", "06 555 0142"));
        read.Knows(ImportField.Name).ShouldBeFalse();
    }

    [Fact]
    public void Parse_ALinkStoredBeforeThisFormat_HasNoBaseForAnyField()
    {
        var legacy = JsonSerializer.Serialize(ImportTestData.InXpm(ImportTestData.Uuid(1), "Ana Whitfield", "ana@kowhairidge.example"));

        SyncBase.Parse(legacy).Agreed.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    public void Parse_NothingUsable_HasNoBase(string? json)
    {
        SyncBase.Parse(json).Agreed.ShouldBeEmpty();
    }

    [Fact]
    public void AgreeWhereEqual_OnlyFieldsBothSidesHold()
    {
        var portal = new PortalClientValues { Name = "Ana Whitfield", Email = "ANA@kowhairidge.example", Phone = "1" };
        var xpm = PortalClientValues.From(ImportTestData.InXpm(ImportTestData.Uuid(1), "Ana Whitfield", "ana@kowhairidge.example", phone: "2"));

        var @base = SyncBase.None.AgreeWhereEqual(portal, xpm);

        @base.Knows(ImportField.Name).ShouldBeTrue();
        @base.Knows(ImportField.Email).ShouldBeTrue();
        @base.Knows(ImportField.Phone).ShouldBeFalse();
    }

    [Fact]
    public void AgreeWhereEqual_AFirstBaseAgreeingOnEveryField_HoldsXpmsValues()
    {
        var xpm = PortalClientValues.From(ImportTestData.InXpm(ImportTestData.Uuid(1), "Ana Whitfield", "ana@kowhairidge.example", phone: "06 555 0142"));
        var portal = xpm with { Email = "ANA@kowhairidge.example " };

        var @base = SyncBase.None.AgreeWhereEqual(portal, xpm);

        @base.Agreed.ShouldBe(SyncFields.All, ignoreOrder: true);
        (@base.Values.Email, @base.Values.Phone).ShouldBe(("ana@kowhairidge.example", "06 555 0142"));
    }

    [Fact]
    public void AgreeWhereEqual_ValuesDifferingOnlyInSpelling_TakeXpmsSpellingAndKeepTheRest()
    {
        var portal = new PortalClientValues { Name = "Ana Whitfield", Email = "ana@kowhairidge.example", Phone = "1" };
        var stored = SyncBase.None.AgreeWhereEqual(portal, portal);
        var xpm = portal with { Email = "Ana@KowhaiRidge.example", Phone = "2" };

        var @base = stored.AgreeWhereEqual(portal, xpm);

        (@base.Values.Name, @base.Values.Email, @base.Values.Phone).ShouldBe(("Ana Whitfield", "Ana@KowhaiRidge.example", "1"));
        @base.Agreed.ShouldBe(stored.Agreed, ignoreOrder: true);
    }

    [Fact]
    public void AgreeWhereEqual_NothingNewToAgree_IsTheSameBase()
    {
        var values = new PortalClientValues { Name = "Ana Whitfield", Email = "ana@kowhairidge.example" };
        var stored = SyncBase.None.AgreeWhereEqual(values, values);

        stored.AgreeWhereEqual(values, values with { Phone = "06 555 0142" }).ShouldBeSameAs(stored);
    }

    [Fact]
    public void ToJson_LeavesOutBlankValuesAndWhatIsWorkedOut()
    {
        var values = new PortalClientValues { Name = "Ana Whitfield", Email = "ana@kowhairidge.example" };

        var json = SyncBase.None.AgreeWhereEqual(values, values).ToJson();

        json.ShouldNotContain("null");
        json.ShouldNotContain(nameof(Portal.Core.Clients.Address.IsEmpty));
        SyncBase.Parse(json).Values.ShouldBe(values);
    }

    [Fact]
    public void Parse_JsonWithEveryBlankSpelledOut_ReadsAsBefore()
    {
        const string written = """{"Format":2,"Values":{"Name":"Ana Whitfield","FirstName":null,"LastName":null,"Email":"ana@kowhairidge.example","Phone":null,"Mobile":null,"PhysicalAddress":{"Street":null,"City":null,"Region":null,"PostCode":null,"Country":null,"IsEmpty":true},"PostalAddress":{"Street":"PO Box 310","City":"Hastings","Region":null,"PostCode":"4156","Country":null,"IsEmpty":false},"DateOfBirth":null,"BusinessStructure":null},"Agreed":[0,3]}""";

        var read = SyncBase.Parse(written);

        read.Values.ShouldBe(new PortalClientValues
        {
            Name = "Ana Whitfield", Email = "ana@kowhairidge.example", PostalAddress = new() { Street = "PO Box 310", City = "Hastings", PostCode = "4156" },
        });
        read.Agreed.ShouldBe([ImportField.Name, ImportField.Email], ignoreOrder: true);
    }
}
