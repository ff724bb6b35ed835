using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Clients;

namespace Portal.Web.Pages.Clients;

/// <summary>The Clients list over the real service on real SQLite, while an import runs.</summary>
public sealed class ClientsPageTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly ImportProgress _progress = new();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var user = FakeCurrentUser.Staff(_database.PracticeId);
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(_database);
        Services.AddSingleton<ICurrentUser>(user);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(_progress);
        Services.AddSingleton(Options.Create(new XpmOptions()));
        Services.AddScoped<ClientService>();
        AddAuthorization().SetAuthorized(user.User.Name).SetRoles(PortalRoles.Staff).SetPolicies(PortalPolicies.StaffArea)
            .SetClaims(new Claim(PortalClaimTypes.PracticeId, _database.PracticeId.ToString(CultureInfo.InvariantCulture)));
        await AddClientAsync("Ana Whitfield", isNew: false);
    }

    [Fact]
    public async Task ImportFinishing_NewRowsAndBadgesAppearWithoutAReload()
    {
        var page = Render<ClientsPage>();
        page.WaitForAssertion(() => page.FindAll("tbody tr").Count.ShouldBe(1));
        await AddClientAsync("Ben Carter", isNew: true);

        await _progress.PublishAsync(Snapshot(ImportRunStatus.Succeeded));

        page.WaitForAssertion(() => page.FindAll("tbody tr").Count.ShouldBe(2));
        page.FindAll("[data-testid=new-badge]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task FetchProgress_DoesNotReloadTheList()
    {
        var page = Render<ClientsPage>();
        page.WaitForAssertion(() => page.FindAll("tbody tr").Count.ShouldBe(1));
        await AddClientAsync("Ben Carter", isNew: true);

        await _progress.PublishAsync(Snapshot(ImportRunStatus.Succeeded) with { Kind = ImportRunKind.Fetch });

        page.FindAll("tbody tr").Count.ShouldBe(1);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private ImportProgressSnapshot Snapshot(ImportRunStatus status) => new(
        5, _database.PracticeId, ImportRunKind.Import, status, "Imported", 1, 1, 0, 0, 0, "Sam Staff", DateTime.UtcNow, DateTime.UtcNow, DateTime.UtcNow, null, false);

    private async Task AddClientAsync(string name, bool isNew)
    {
        await using var db = _database.CreateDbContext();
        db.Clients.Add(new Client
        {
            PracticeId = _database.PracticeId, Name = name, Kind = ClientKind.Person,
            XpmLink = new XpmLink { XpmUuid = Guid.NewGuid(), LinkedAt = DateTime.UtcNow, IsNew = isNew },
        });
        await db.SaveChangesAsync();
    }
}
