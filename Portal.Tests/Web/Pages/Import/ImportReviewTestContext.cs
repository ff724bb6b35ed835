using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;

namespace Portal.Web.Pages.Import;

/// <summary>
/// The review steps over real services on real SQLite: one succeeded fetch run of the test practice, staged rows
/// added per test, and a signed-in staff member of that practice.
/// </summary>
public abstract class ImportReviewTestContext : PortalTestContext, IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    protected int RunId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var user = FakeCurrentUser.Staff(Database.PracticeId);
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(Database);
        Services.AddSingleton<ICurrentUser>(user);
        Services.AddSingleton<ImportQueue>();
        Services.AddSingleton<ImportProgress>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<ImportReviewService>();
        Services.AddScoped<ImportService>();
        AddAuthorization().SetAuthorized(user.User.Name).SetRoles(PortalRoles.Staff).SetPolicies(PortalPolicies.StaffArea)
            .SetClaims(new Claim(PortalClaimTypes.PracticeId, Database.PracticeId.ToString(CultureInfo.InvariantCulture)));

        var run = new ImportRun
        {
            PracticeId = Database.PracticeId,
            Kind = ImportRunKind.Fetch,
            Status = ImportRunStatus.Succeeded,
            StartedBy = user.User.Name,
            CreatedAt = new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc),
            StartedAt = new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc),
            FinishedAt = new DateTime(2026, 11, 27, 9, 5, 0, DateTimeKind.Utc),
        };
        await using var db = Database.CreateDbContext();
        db.Add(run);
        await db.SaveChangesAsync();
        RunId = run.Id;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected static StagedClient Person(string name, bool selected = false, string? email = null) => new()
    {
        XpmUuid = Guid.NewGuid(),
        Kind = ClientKind.Person,
        Name = name,
        FirstName = name.Split(' ')[0],
        LastName = name.Split(' ')[^1],
        Email = email ?? $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com",
        Phone = "021 555 0199",
        PhysicalAddress = new Address { Street = "1 Quay Street", City = "Auckland", PostCode = "1010", Country = "New Zealand" },
        IsSelected = selected,
        MatchKind = ClientMatchKind.None,
        MatchReason = "No portal client with this XPM link, email and name, or name and phone or date of birth — a new client will be created",
    };

    protected static StagedClient Entity(string name, string structure = "Company", bool selected = false) => new()
    {
        XpmUuid = Guid.NewGuid(),
        Kind = ClientKind.Entity,
        Name = name,
        BusinessStructure = structure,
        IsSelected = selected,
        MatchKind = ClientMatchKind.None,
    };

    protected static StagedStaff Staff(string name, bool selected = false) => new()
    {
        XpmUuid = Guid.NewGuid(),
        Name = name,
        Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@practice.example",
        Phone = "09 555 0100",
        IsSelected = selected,
    };

    /// <summary>Adds staged rows (and any portal records) to the database; staged rows join the test's fetch run.</summary>
    protected async Task SeedAsync(params object[] rows)
    {
        await using var db = Database.CreateDbContext();
        foreach (var row in rows)
        {
            switch (row)
            {
                case StagedClient client: client.RunId = RunId; break;
                case StagedStaff staff: staff.RunId = RunId; break;
                case StagedRelationship relationship: relationship.RunId = RunId; break;
                case Client client: client.PracticeId = Database.PracticeId; break;
            }

            db.Add(row);
        }

        await db.SaveChangesAsync();
    }

    protected async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = Database.CreateDbContext();
        return await query(db);
    }

    protected Task<Dictionary<string, bool>> ClientTicksAsync(ClientKind kind) =>
        WithDbAsync(db => db.Set<StagedClient>().AsNoTracking().Where(c => c.RunId == RunId && c.Kind == kind).ToDictionaryAsync(c => c.Name, c => c.IsSelected));

    protected Task<Dictionary<string, bool>> StaffTicksAsync() =>
        WithDbAsync(db => db.Set<StagedStaff>().AsNoTracking().Where(s => s.RunId == RunId).ToDictionaryAsync(s => s.Name, s => s.IsSelected));

    protected Task SetReviewStepAsync(ImportStep step) =>
        WithDbAsync(db => db.Set<ImportRun>().Where(r => r.Id == RunId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewStep, (int)step)));

    /// <summary>The row's checkbox input, found by the name in its aria-label.</summary>
    protected static AngleSharp.Dom.IElement CheckBox<T>(IRenderedComponent<T> component, string name)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        component.Find($"input[type=checkbox][aria-label='Import {name}']");
}
