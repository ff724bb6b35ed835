using Portal.Core.Clients;
using Portal.Core.Import.Plan;
using Portal.Core.Sync;

namespace Portal.Sync;

public sealed class ThreeWayCompareTests
{
    private static readonly PortalClientValues Agreed = new()
    {
        Name = "Ana Whitfield",
        Email = "ana@kowhairidge.example",
        Phone = "06 555 0142",
        PhysicalAddress = new Address { Street = "14 Packhouse Road", City = "Hastings" },
    };

    private static readonly SyncBase Base = SyncBase.None.AgreeWhereEqual(Agreed, Agreed);

    private static FieldDecision Compare(ImportField field, PortalClientValues mine, PortalClientValues theirs, ConflictPolicy policy = ConflictPolicy.Ask, SyncBase? @base = null, bool pending = false) =>
        ThreeWayCompare.Compare(field, @base ?? Base, mine, theirs, pending, policy);

    [Fact]
    public void Compare_NothingChanged_IsUnchanged()
    {
        Compare(ImportField.Phone, Agreed, Agreed).State.ShouldBe(FieldSyncState.Unchanged);
    }

    [Fact]
    public void Compare_ChangedOnlyInXpm_TakesXpm()
    {
        var decision = Compare(ImportField.Phone, Agreed, Agreed with { Phone = "06 555 0777" });

        (decision.State, decision.Base, decision.Portal, decision.Xpm).ShouldBe((FieldSyncState.TakeXpm, "06 555 0142", "06 555 0142", "06 555 0777"));
    }

    [Fact]
    public void Compare_ClearedOnlyInXpm_TakesTheBlank()
    {
        Compare(ImportField.Phone, Agreed, Agreed with { Phone = null }).State.ShouldBe(FieldSyncState.TakeXpm);
    }

    [Fact]
    public void Compare_ChangedOnlyInThePortal_IsPendingSync()
    {
        Compare(ImportField.Email, Agreed with { Email = "ana.w@example.com" }, Agreed).State.ShouldBe(FieldSyncState.PendingSync);
    }

    [Fact]
    public void Compare_ChangedOnBothSidesToTheSameValue_IsUnchanged()
    {
        Compare(ImportField.Phone, Agreed with { Phone = "021 1" }, Agreed with { Phone = " 021 1 " }).State.ShouldBe(FieldSyncState.Unchanged);
    }

    [Theory]
    [InlineData(ConflictPolicy.Ask, FieldSyncState.Conflict)]
    [InlineData(ConflictPolicy.XpmWins, FieldSyncState.TakeXpm)]
    [InlineData(ConflictPolicy.PortalWins, FieldSyncState.PendingSync)]
    public void Compare_ChangedDifferentlyOnBothSides_FollowsTheFieldsPolicy(ConflictPolicy policy, FieldSyncState expected)
    {
        var decision = Compare(ImportField.Phone, Agreed with { Phone = "021 111" }, Agreed with { Phone = "021 222" }, policy);

        decision.State.ShouldBe(expected);
    }

    [Fact]
    public void Compare_EmailDifferingOnlyInCase_IsUnchanged()
    {
        Compare(ImportField.Email, Agreed with { Email = "ANA@kowhairidge.example" }, Agreed).State.ShouldBe(FieldSyncState.Unchanged);
    }

    [Fact]
    public void Compare_AddressChangedOnlyInXpm_TakesXpmAndShowsItOnOneLine()
    {
        var moved = Agreed with { PhysicalAddress = new Address { Street = "1 Queen Street", City = "Auckland" } };

        var decision = Compare(ImportField.PhysicalAddress, Agreed, moved);

        (decision.State, decision.Xpm).ShouldBe((FieldSyncState.TakeXpm, "1 Queen Street, Auckland"));
    }

    [Fact]
    public void Compare_NoBaseAndXpmDiffers_TakesXpmAsTheFirstImportDoes()
    {
        Compare(ImportField.Phone, Agreed, Agreed with { Phone = "06 555 0777" }, @base: SyncBase.None).State.ShouldBe(FieldSyncState.TakeXpm);
    }

    [Fact]
    public void Compare_NoBaseAndXpmBlank_KeepsThePortalValue()
    {
        Compare(ImportField.Phone, Agreed, Agreed with { Phone = null }, @base: SyncBase.None).State.ShouldBe(FieldSyncState.Unchanged);
    }

    [Fact]
    public void Compare_NoBaseButMarkedPendingAndXpmDiffers_IsAConflict()
    {
        Compare(ImportField.Phone, Agreed, Agreed with { Phone = "06 555 0777" }, @base: SyncBase.None, pending: true).State.ShouldBe(FieldSyncState.Conflict);
    }

    [Fact]
    public void CompareAll_FieldWithoutAPolicy_Asks()
    {
        var decisions = ThreeWayCompare.CompareAll([ImportField.Phone, ImportField.Email], Base,
            Agreed with { Phone = "1", Email = "a@b.example" }, Agreed with { Phone = "2", Email = "c@d.example" },
            new HashSet<ImportField>(), new Dictionary<ImportField, ConflictPolicy> { [ImportField.Email] = ConflictPolicy.XpmWins });

        decisions.Select(d => d.State).ShouldBe([FieldSyncState.Conflict, FieldSyncState.TakeXpm]);
    }
}
