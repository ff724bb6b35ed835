using Portal.Core.Import.Plan;
using static Portal.Import.ImportTestData;

namespace Portal.Import.Plan;

public sealed class ImportPlanSummaryTests
{
    [Fact]
    public void From_MixedEntries_CountsEachActionAndTheFieldsThatWillBeWritten()
    {
        FieldChange[] two = [new(ImportField.Email, null, "a@x.example"), new(ImportField.Phone, "1", "2")];
        var entries = new[]
        {
            Entry(ImportAction.Create, two),
            Entry(ImportAction.Create, [two[0]]),
            Entry(ImportAction.Link, []),
            Entry(ImportAction.Update, two),
            Entry(ImportAction.Unchanged, []),
            Entry(ImportAction.NeedsReview, two),
            Entry(ImportAction.NeedsReview, []),
        };

        var summary = ImportPlanSummary.From(entries);

        summary.ShouldBe(new ImportPlanSummary(Create: 2, Link: 1, Update: 1, Unchanged: 1, NeedsReview: 2, FieldChanges: 5));
        (summary.Total, summary.ToWrite).ShouldBe((7, 4));
    }

    [Fact]
    public void From_NoEntries_IsAllZero()
    {
        var summary = ImportPlanSummary.From([]);

        summary.ShouldBe(new ImportPlanSummary(0, 0, 0, 0, 0, 0));
    }

    private static ImportPlanEntry Entry(ImportAction action, FieldChange[] fields) =>
        new(Uuid(1), "Someone", action, null, fields, []);
}
