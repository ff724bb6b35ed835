using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Infrastructure;

namespace Portal.Identity;

public sealed class PortalUserDirectoryTests : IAsyncLifetime
{
    private SqliteTestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await SqliteTestDatabase.CreateAsync();
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
}
