using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Xpm.Models;
using static Portal.Import.ImportTestData;

namespace Portal.Import.Plan;

public sealed class RecordPlannerTests
{
    private static readonly XpmClientSnapshot Ana = InXpm(
        Uuid(1), "Ana Whitfield", email: "ana@kowhai.example", firstName: "Ana", lastName: "Whitfield",
        phone: "06 555 0142", mobile: "021 555 0199", dateOfBirth: new DateOnly(1980, 2, 3)) with
    {
        PhysicalAddress = new Address { Street = "14 Packhouse Road", City = "Hastings", PostCode = "4120", Country = "New Zealand" },
        PostalAddress = new Address { Street = "PO Box 310", City = "Hastings" },
    };

    private static readonly ClientMatch None = new(Uuid(1), ClientMatchKind.None, null, "No portal client matches");
    private static readonly ClientMatch Linked = new(Uuid(1), ClientMatchKind.Linked, 7, "Already linked to this XPM client");
    private static readonly ClientMatch SameEmail = new(Uuid(1), ClientMatchKind.SameEmail, 7, "Same email (ana@kowhai.example) and name");
    private static readonly ClientMatch Suggested = new(Uuid(1), ClientMatchKind.Suggested, 7, "Same name and phone 06 555 0142 — suggested, please confirm");

    /// <summary>The portal client Ana becomes once imported with all her details.</summary>
    private static readonly PortalClientValues AnaInPortal = new()
    {
        Name = "Ana Whitfield",
        FirstName = "Ana",
        LastName = "Whitfield",
        Email = "ana@kowhai.example",
        Phone = "06 555 0142",
        Mobile = "021 555 0199",
        DateOfBirth = new DateOnly(1980, 2, 3),
        BusinessStructure = "Individual",
        PhysicalAddress = new Address { Street = "14 Packhouse Road", City = "Hastings", PostCode = "4120", Country = "New Zealand" },
        PostalAddress = new Address { Street = "PO Box 310", City = "Hastings" },
    };

    [Fact]
    public void Plan_NoMatchAtBasic_CreatesWithNameAndEmailOnly()
    {
        var entry = RecordPlanner.Plan(Ana, None, null, ImportDetailLevel.Basic);

        (entry.Action, entry.PortalId).ShouldBe((ImportAction.Create, null));
        entry.Fields.ShouldBe(
        [
            new FieldChange(ImportField.Name, null, "Ana Whitfield"),
            new FieldChange(ImportField.FirstName, null, "Ana"),
            new FieldChange(ImportField.LastName, null, "Whitfield"),
            new FieldChange(ImportField.Email, null, "ana@kowhai.example"),
            new FieldChange(ImportField.BusinessStructure, null, "Individual"),
        ]);
        entry.Reasons.ShouldBe(["No portal client matches"]);
    }

    [Fact]
    public void Plan_NoMatchAtAllContactDetails_CreatesWithEveryField()
    {
        var entry = RecordPlanner.Plan(Ana, None, null, ImportDetailLevel.AllContactDetails);

        entry.Action.ShouldBe(ImportAction.Create);
        entry.Fields.ShouldBe(
        [
            new FieldChange(ImportField.Name, null, "Ana Whitfield"),
            new FieldChange(ImportField.FirstName, null, "Ana"),
            new FieldChange(ImportField.LastName, null, "Whitfield"),
            new FieldChange(ImportField.Email, null, "ana@kowhai.example"),
            new FieldChange(ImportField.Phone, null, "06 555 0142"),
            new FieldChange(ImportField.Mobile, null, "021 555 0199"),
            new FieldChange(ImportField.PhysicalAddress, null, "14 Packhouse Road, Hastings, 4120, New Zealand"),
            new FieldChange(ImportField.PostalAddress, null, "PO Box 310, Hastings"),
            new FieldChange(ImportField.DateOfBirth, null, "1980-02-03"),
            new FieldChange(ImportField.BusinessStructure, null, "Individual"),
        ]);
    }

    [Fact]
    public void Plan_NoMatchWithBlankFields_CreatesWithoutThem()
    {
        var xpm = InXpm(Uuid(1), "Kowhai Ridge Orchards Ltd", email: " ", kind: ClientKind.Entity, businessStructure: "Company");

        var entry = RecordPlanner.Plan(xpm, None, null, ImportDetailLevel.AllContactDetails);

        entry.Fields.Select(f => f.Field).ShouldBe([ImportField.Name, ImportField.BusinessStructure]);
    }

    [Fact]
    public void Plan_LinkedAtBasicWithOnlyContactDetailsDiffering_IsUnchanged()
    {
        var current = AnaInPortal with { Phone = "09 999 9999", PhysicalAddress = new Address { City = "Napier" }, DateOfBirth = null };

        var entry = RecordPlanner.Plan(Ana, Linked, current, ImportDetailLevel.Basic);

        (entry.Action, entry.PortalId).ShouldBe((ImportAction.Unchanged, 7));
        entry.Fields.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_LinkedAtAllContactDetailsWithDifferences_UpdatesThoseFields()
    {
        var current = AnaInPortal with { Phone = "09 999 9999", PhysicalAddress = AnaInPortal.PhysicalAddress with { PostCode = "4122" }, DateOfBirth = null };

        var entry = RecordPlanner.Plan(Ana, Linked, current, ImportDetailLevel.AllContactDetails);

        (entry.Action, entry.PortalId).ShouldBe((ImportAction.Update, 7));
        entry.Fields.ShouldBe(
        [
            new FieldChange(ImportField.Phone, "09 999 9999", "06 555 0142"),
            new FieldChange(ImportField.PhysicalAddress, "14 Packhouse Road, Hastings, 4122, New Zealand", "14 Packhouse Road, Hastings, 4120, New Zealand"),
            new FieldChange(ImportField.DateOfBirth, null, "1980-02-03"),
        ]);
    }

    [Fact]
    public void Plan_LinkedWithNameChangedInXpm_UpdatesTheNameAtBasic()
    {
        var xpm = Ana with { Name = "Ana Tautahi", LastName = "Tautahi" };

        var entry = RecordPlanner.Plan(xpm, Linked, AnaInPortal, ImportDetailLevel.Basic);

        entry.Action.ShouldBe(ImportAction.Update);
        entry.Fields.ShouldBe([new FieldChange(ImportField.Name, "Ana Whitfield", "Ana Tautahi"), new FieldChange(ImportField.LastName, "Whitfield", "Tautahi")]);
    }

    [Fact]
    public void Plan_XpmValuesBlank_KeepPortalValuesAndSaySo()
    {
        var xpm = Ana with { Email = null, Mobile = "  ", DateOfBirth = null, PostalAddress = new Address { Country = " " } };

        var entry = RecordPlanner.Plan(xpm, Linked, AnaInPortal, ImportDetailLevel.AllContactDetails);

        entry.Action.ShouldBe(ImportAction.Unchanged);
        entry.Fields.ShouldBeEmpty();
        entry.Reasons.ShouldBe(
        [
            "Already linked to this XPM client",
            "Email is blank in XPM; the portal's value is kept",
            "Mobile is blank in XPM; the portal's value is kept",
            "Postal address is blank in XPM; the portal's value is kept",
            "Date of birth is blank in XPM; the portal's value is kept",
        ]);
    }

    [Fact]
    public void Plan_AddressWithOnePartBlankInXpm_ReplacesTheWholeAddress()
    {
        var current = AnaInPortal with { PhysicalAddress = new Address { Street = "1 Old Street", City = "Hastings", Region = "Hawke's Bay", PostCode = "4120" } };
        var xpm = Ana with { PhysicalAddress = new Address { Street = "5 New Road", City = "Napier" } };

        var entry = RecordPlanner.Plan(xpm, Linked, current, ImportDetailLevel.AllContactDetails);

        entry.Fields.ShouldBe([new FieldChange(ImportField.PhysicalAddress, "1 Old Street, Hastings, Hawke's Bay, 4120", "5 New Road, Napier")]);
    }

    [Fact]
    public void Plan_ValuesDifferingOnlyInSpacesLineEndingsOrEmailCase_IsUnchanged()
    {
        var current = AnaInPortal with
        {
            Name = " Ana Whitfield ",
            Email = "ANA@Kowhai.example ",
            Phone = "06 555 0142  ",
            PhysicalAddress = AnaInPortal.PhysicalAddress with { City = " Hastings" },
        };
        var xpm = Ana with { PostalAddress = Ana.PostalAddress with { Street = "PO Box 310 " } };

        var entry = RecordPlanner.Plan(xpm, Linked, current, ImportDetailLevel.AllContactDetails);

        entry.Action.ShouldBe(ImportAction.Unchanged);
    }

    [Fact]
    public void Plan_MultiLineStreetWithOtherLineEndings_IsUnchanged()
    {
        var current = AnaInPortal with { PhysicalAddress = AnaInPortal.PhysicalAddress with { Street = "Unit 2\r\n14 Packhouse Road" } };
        var xpm = Ana with { PhysicalAddress = Ana.PhysicalAddress with { Street = "Unit 2 \n14 Packhouse Road" } };

        var entry = RecordPlanner.Plan(xpm, Linked, current, ImportDetailLevel.AllContactDetails);

        entry.Action.ShouldBe(ImportAction.Unchanged);
    }

    [Theory]
    [InlineData(ImportDetailLevel.Basic)]
    [InlineData(ImportDetailLevel.AllContactDetails)]
    public void Plan_AgainAfterApplyingTheCreate_IsUnchanged(ImportDetailLevel level)
    {
        var created = RecordPlanner.Plan(Ana, None, null, level);
        var current = Apply(created, new PortalClientValues { Name = "" });

        var replanned = RecordPlanner.Plan(Ana, Linked, current, level);

        replanned.Action.ShouldBe(ImportAction.Unchanged);
        replanned.Fields.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_SameEmailWithDifferences_LinksAndUpdates()
    {
        var current = AnaInPortal with { FirstName = null, LastName = null, Phone = null };

        var entry = RecordPlanner.Plan(Ana, SameEmail, current, ImportDetailLevel.AllContactDetails);

        (entry.Action, entry.PortalId).ShouldBe((ImportAction.Link, 7));
        entry.Fields.Select(f => f.Field).ShouldBe([ImportField.FirstName, ImportField.LastName, ImportField.Phone]);
        entry.Reasons.ShouldBe(["Same email (ana@kowhai.example) and name"]);
    }

    [Fact]
    public void Plan_SameEmailWithNothingDifferent_StillLinks()
    {
        var entry = RecordPlanner.Plan(Ana, SameEmail, AnaInPortal, ImportDetailLevel.AllContactDetails);

        (entry.Action, entry.Fields.Count).ShouldBe((ImportAction.Link, 0));
    }

    [Fact]
    public void Plan_SuggestionNotAnswered_NeedsReviewAndWritesNothing()
    {
        var entry = RecordPlanner.Plan(Ana, Suggested, AnaInPortal with { Email = null }, ImportDetailLevel.Basic);

        (entry.Action, entry.PortalId, entry.WillWrite).ShouldBe((ImportAction.NeedsReview, 7, false));
        entry.Fields.ShouldBeEmpty();
        entry.Reasons[0].ShouldBe(Suggested.Reason);
    }

    [Fact]
    public void Plan_SuggestionRejected_Creates()
    {
        var entry = RecordPlanner.Plan(Ana, Suggested, AnaInPortal, ImportDetailLevel.Basic, SuggestionDecision.Rejected);

        (entry.Action, entry.PortalId).ShouldBe((ImportAction.Create, null));
        entry.Fields.ShouldContain(new FieldChange(ImportField.Email, null, "ana@kowhai.example"));
    }

    [Fact]
    public void Plan_SuggestionAccepted_LinksWithFieldChanges()
    {
        var entry = RecordPlanner.Plan(Ana, Suggested, AnaInPortal with { Email = null }, ImportDetailLevel.Basic, SuggestionDecision.Accepted);

        (entry.Action, entry.PortalId).ShouldBe((ImportAction.Link, 7));
        entry.Fields.ShouldBe([new FieldChange(ImportField.Email, null, "ana@kowhai.example")]);
    }

    [Fact]
    public void Plan_MatchedWithoutCurrentValues_Throws()
    {
        Should.Throw<ArgumentNullException>(() => RecordPlanner.Plan(Ana, Linked, null, ImportDetailLevel.Basic));
    }

    [Fact]
    public void Plan_MatchOfAnotherXpmClient_Throws()
    {
        Should.Throw<ArgumentException>(() => RecordPlanner.Plan(Ana, None with { XpmUuid = Uuid(2) }, null, ImportDetailLevel.Basic));
    }

    [Fact]
    public void PlanStaff_NoMatch_CreatesWithTheNonBlankFields()
    {
        var xpm = new XpmStaff { Uuid = Uuid(1), Name = "Mere Tautahi", Email = "mere@practice.example", Phone = "", Mobile = "021 555 0100" };

        var entry = RecordPlanner.PlanStaff(xpm, new StaffMatch(Uuid(1), StaffMatchKind.None, null, "New"), null);

        entry.Action.ShouldBe(ImportAction.Create);
        entry.Fields.ShouldBe(
        [
            new FieldChange(ImportField.Name, null, "Mere Tautahi"),
            new FieldChange(ImportField.Email, null, "mere@practice.example"),
            new FieldChange(ImportField.Mobile, null, "021 555 0100"),
        ]);
    }

    [Fact]
    public void PlanStaff_LinkedWithADifferentPhoneAndABlankMobile_UpdatesThePhoneOnly()
    {
        var xpm = new XpmStaff { Uuid = Uuid(1), Name = "Mere Tautahi", Email = "MERE@practice.example", Phone = "06 555 0100" };
        var current = new PortalStaffSnapshot(3, Uuid(1), "Mere Tautahi", "mere@practice.example", "06 555 0000", "021 555 0100");

        var entry = RecordPlanner.PlanStaff(xpm, new StaffMatch(Uuid(1), StaffMatchKind.Linked, 3, "Linked"), current);

        (entry.Action, entry.PortalId).ShouldBe((ImportAction.Update, 3));
        entry.Fields.ShouldBe([new FieldChange(ImportField.Phone, "06 555 0000", "06 555 0100")]);
        entry.Reasons.ShouldContain("Mobile is blank in XPM; the portal's value is kept");
    }

    [Fact]
    public void PlanStaff_LinkedWithTheSameValues_IsUnchanged()
    {
        var xpm = new XpmStaff { Uuid = Uuid(1), Name = "Mere Tautahi", Email = "mere@practice.example" };
        var current = new PortalStaffSnapshot(3, Uuid(1), "Mere Tautahi", "mere@practice.example", null, null);

        var entry = RecordPlanner.PlanStaff(xpm, new StaffMatch(Uuid(1), StaffMatchKind.Linked, 3, "Linked"), current);

        entry.Action.ShouldBe(ImportAction.Unchanged);
    }

    [Fact]
    public void PlanStaff_SameEmail_Links()
    {
        var xpm = new XpmStaff { Uuid = Uuid(1), Name = "Mere Tautahi", Email = "mere@practice.example" };
        var current = new PortalStaffSnapshot(3, null, "Mere", "mere@practice.example", null, null);

        var entry = RecordPlanner.PlanStaff(xpm, new StaffMatch(Uuid(1), StaffMatchKind.SameEmail, 3, "Same email"), current);

        (entry.Action, entry.PortalId).ShouldBe((ImportAction.Link, 3));
        entry.Fields.ShouldBe([new FieldChange(ImportField.Name, "Mere", "Mere Tautahi")]);
    }

    /// <summary>What the applier would do: write each planned field's XPM value.</summary>
    private static PortalClientValues Apply(ImportPlanEntry entry, PortalClientValues values)
    {
        foreach (var field in entry.Fields.Select(f => f.Field))
        {
            values = field switch
            {
                ImportField.Name => values with { Name = Ana.Name },
                ImportField.FirstName => values with { FirstName = Ana.FirstName },
                ImportField.LastName => values with { LastName = Ana.LastName },
                ImportField.Email => values with { Email = Ana.Email },
                ImportField.Phone => values with { Phone = Ana.Phone },
                ImportField.Mobile => values with { Mobile = Ana.Mobile },
                ImportField.PhysicalAddress => values with { PhysicalAddress = Ana.PhysicalAddress },
                ImportField.PostalAddress => values with { PostalAddress = Ana.PostalAddress },
                ImportField.DateOfBirth => values with { DateOfBirth = Ana.DateOfBirth },
                ImportField.BusinessStructure => values with { BusinessStructure = Ana.BusinessStructure },
                _ => throw new ArgumentOutOfRangeException(nameof(entry)),
            };
        }

        return values;
    }
}
