using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Import.Fetch;
using Portal.XpmSandbox;

namespace Portal.Sync;

/// <summary>"Import Data" after an import reads only what changed in XPM, on real SQLite with the sandbox over HTTP.</summary>
public sealed class DeltaFetchTests
{
    private static readonly Guid Ana = SandboxWellKnown.AnaWhitfield;

    [Fact]
    public async Task Fetch_NothingChangedSinceTheImport_MakesOneClientListCallWritesNothingAndSaysSo()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var before = await PortalRowsAsync(importer);
        importer.Calls.Clear();

        var fetch = await importer.FetchAsync();

        importer.Calls.Count("GET", "client.api/list").ShouldBe(1);
        importer.Calls.All.ShouldContain(c => c.Contains("client.api/list") && c.Contains("modifiedsince="));
        importer.Calls.Count("GET", "client.api/get").ShouldBe(0);
        fetch.ModifiedSince.ShouldNotBeNull();
        (fetch.StaffCount, fetch.ClientCount, fetch.EntityCount).ShouldBe((0, 0, 0));
        FetchSummary.NothingChanged(fetch).ShouldBeTrue();
        FetchSummary.Delta(fetch).ShouldContain("Nothing has changed");
        (await PortalRowsAsync(importer)).ShouldBe(before);
    }

    [Fact]
    public async Task Fetch_AfterAnXpmEdit_OffersOnlyThatClientAlreadyTicked()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName, SandboxWellKnown.ChloeDubois);
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Phone = "06 555 0777" });

        var fetch = await importer.FetchAsync();

        var staged = await importer.Portal.App.WithDbAsync(db => db.Set<StagedClient>().AsNoTracking().Where(s => s.RunId == fetch.RunId).ToListAsync());
        staged.ShouldHaveSingleItem().XpmUuid.ShouldBe(Ana);
        staged.Single().IsSelected.ShouldBeTrue();
    }

    [Fact]
    public async Task Fetch_ContactEditedInXpm_ReadsThatClientAgainAndTheImportTakesTheMobile()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var importer = await SandboxImporter.StartAsync(time);
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Contacts = c.Contacts.Add(new SandboxContactLink(SandboxWellKnown.AnaWhitfieldContact, "", true)) });
        time.Advance(TimeSpan.FromHours(1)); // so the delta's modifiedsince (less its margin) leaves Ana's own change out
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        importer.Portal.Practice.UpdateContact(SandboxWellKnown.AnaWhitfieldContact, c => c with { Mobile = "021 555 0100" });
        importer.Calls.Clear();

        var import = await importer.ImportAsync();

        importer.Calls.Count("GET", $"client.api/get/{Ana}").ShouldBe(1);
        import.Updated.ShouldBe(1);
        (await importer.ClientAsync(Ana)).Mobile.ShouldBe("021 555 0100");
    }

    [Fact]
    public async Task Fetch_AfterAReadThatWasNotImported_StillOffersChangesSinceTheLastImport()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Phone = "06 555 0777" });
        await importer.FetchAsync();

        var again = await importer.FetchAsync();

        var staged = await importer.Portal.App.WithDbAsync(db => db.Set<StagedClient>().AsNoTracking().Where(s => s.RunId == again.RunId).Select(s => s.XpmUuid).ToListAsync());
        staged.ShouldContain(Ana);
    }

    [Fact]
    public async Task Fetch_FullReimport_ReadsEveryClientAndTicksOnlyTheLinked()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        importer.Calls.Clear();

        var fetch = await importer.FetchAsync(fullReimport: true);

        fetch.ModifiedSince.ShouldBeNull();
        importer.Calls.All.ShouldNotContain(c => c.Contains("modifiedsince="));
        (fetch.ClientCount + fetch.EntityCount).ShouldBeGreaterThan(1);
        // Ticked by the staging from the links it read (the match step changed nothing, so no pass ticks them again).
        var ticked = await importer.Portal.App.WithDbAsync(db => db.Set<StagedClient>().AsNoTracking()
            .Where(s => s.RunId == fetch.RunId && s.IsSelected).Select(s => new { s.XpmUuid, s.MatchKind }).ToListAsync());
        ticked.ShouldHaveSingleItem().ShouldBe(new { XpmUuid = Ana, MatchKind = ClientMatchKind.Linked });
    }

    private static Task<string> PortalRowsAsync(SandboxImporter importer) => importer.Portal.App.WithDbAsync(async db =>
    {
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => $"{c.Id}|{c.UpdatedAt:O}|{c.XpmLink!.LastSyncedAt:O}|{c.XpmLink.LastSyncedValues}|{c.XpmLink.PendingSyncFields}").ToListAsync();
        var staff = await db.StaffMembers.AsNoTracking().OrderBy(s => s.Id).Select(s => $"{s.Id}|{s.Name}|{s.XpmLink!.LastSyncedAt:O}").ToListAsync();
        var audit = await db.AuditEntries.CountAsync();
        return string.Join('\n', clients.Concat(staff).Append(audit.ToString()));
    });
}
