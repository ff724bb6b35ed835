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
}
