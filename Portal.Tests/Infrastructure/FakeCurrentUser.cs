using Portal.Core.Identity;

namespace Portal.Infrastructure;

public sealed class FakeCurrentUser(PortalUser user) : ICurrentUser
{
    public PortalUser User { get; set; } = user;

    public static FakeCurrentUser Staff(int practiceId) =>
        new(new PortalUser("Sam Staff", "staff@test.example", PortalRoles.Staff, practiceId, null, null));

    public static FakeCurrentUser Client(int practiceId, int clientId) =>
        new(new PortalUser("A Client", "client@test.example", PortalRoles.Client, practiceId, null, clientId));

    public Task<PortalUser> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(User);
}
