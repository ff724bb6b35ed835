using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Infrastructure;

namespace Portal.Identity;

public sealed class PortalUserDirectoryTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.CreateDbContext();
        db.Clients.AddRange(
            new Client { PracticeId = _db.PracticeId, Name = "Ana Whitfield", Email = "Ana@Example.com" },
            new Client { PracticeId = _db.PracticeId, Name = "Old Client", Email = "old@example.com", IsArchived = true });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ResolveAsync_ClientEmailInAnyCase_FindsTheClient()
    {
        var user = await new PortalUserDirectory(_db).ResolveAsync(PortalRoles.Client, " ana@EXAMPLE.com ", null, TestContext.Current.CancellationToken);

        user.Value!.Name.ShouldBe("Ana Whitfield");
        user.Value.ClientId.ShouldNotBeNull();
    }

    [Fact]
    public async Task ResolveAsync_ArchivedClient_CannotSignIn()
    {
        var user = await new PortalUserDirectory(_db).ResolveAsync(PortalRoles.Client, "old@example.com", null, TestContext.Current.CancellationToken);

        user.Error.ShouldBeOfType<NoClientWithEmailError>();
    }

    [Fact]
    public async Task ResolveAsync_StaffWithoutStaffRecord_StillSignsInWithTheirName()
    {
        var user = await new PortalUserDirectory(_db).ResolveAsync(PortalRoles.Manager, "boss@practice.example", "The Boss", TestContext.Current.CancellationToken);

        (user.Value!.Name, user.Value.Role, user.Value.StaffMemberId).ShouldBe(("The Boss", PortalRoles.Manager, (int?)null));
    }

    [Fact]
    public async Task IsCurrentAsync_ClientAsSignedIn_IsCurrentUntilArchived()
    {
        var directory = new PortalUserDirectory(_db);
        var user = (await directory.ResolveAsync(PortalRoles.Client, "ana@example.com", null, TestContext.Current.CancellationToken)).Value!;
        (await directory.IsCurrentAsync(user, TestContext.Current.CancellationToken)).ShouldBeTrue();

        await using (var db = _db.CreateDbContext())
        {
            await db.Clients.Where(c => c.Id == user.ClientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true), TestContext.Current.CancellationToken);
        }

        (await directory.IsCurrentAsync(user, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task IsCurrentAsync_ClientWithoutAStamp_IsNotCurrent()
    {
        var directory = new PortalUserDirectory(_db);
        var user = (await directory.ResolveAsync(PortalRoles.Client, "ana@example.com", null, TestContext.Current.CancellationToken)).Value!;

        (await directory.IsCurrentAsync(user with { SecurityStamp = null }, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task IsCurrentAsync_StaffKnownOnlyToEntraId_HasNothingToCheck()
    {
        var directory = new PortalUserDirectory(_db);
        var user = (await directory.ResolveAsync(PortalRoles.Staff, "new.hire@practice.example", "New Hire", TestContext.Current.CancellationToken)).Value!;

        user.StaffMemberId.ShouldBeNull();
        (await directory.IsCurrentAsync(user, TestContext.Current.CancellationToken)).ShouldBeTrue();
    }
}
