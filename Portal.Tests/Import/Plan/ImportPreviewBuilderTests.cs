using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;

namespace Portal.Import.Plan;

public sealed class ImportPreviewBuilderTests
{
    [Fact]
    public void Build_ManyWindows_SumsTheCountsAndKeepsOnlyTheChangesShown()
    {
        var preview = new ImportPreview.Builder();
        for (var window = 0; window < 3; window++)
        {
            // 100 created people with a name each and 10 unchanged entities per window.
            preview.Add(new ImportPlan([], [
                .. Enumerable.Range(0, 100).Select(i => Plan(ClientKind.Person, ImportAction.Create, new FieldChange(ImportField.Name, null, $"Client {window}-{i}"))),
                .. Enumerable.Range(0, 10).Select(_ => Plan(ClientKind.Entity, ImportAction.Unchanged)),
            ]));
        }

        var built = preview.Build(unchangedPeople: 7, unchangedEntities: 2);

        (built.Clients.Create, built.Clients.Unchanged, built.Entities.Unchanged, built.ChangedCount).ShouldBe((300, 7, 32, 300));
        built.Changes.Count.ShouldBe(ImportPreview.ChangesShown);
        built.Changes[0].Name.ShouldBe("Client 0-0");
    }

    private static ImportPlan.ClientPlan Plan(ClientKind kind, ImportAction action, params FieldChange[] fields)
    {
        var uuid = Guid.NewGuid();
        var name = fields.FirstOrDefault()?.After ?? "Unchanged Ltd";
        return new ImportPlan.ClientPlan(
            new StagedClient { XpmUuid = uuid, Kind = kind, Name = name },
            new XpmClientSnapshot { XpmUuid = uuid, Kind = kind, Name = name },
            new ImportPlanEntry(uuid, name, action, null, fields, []));
    }
}
