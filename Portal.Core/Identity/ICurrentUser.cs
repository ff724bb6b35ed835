namespace Portal.Core.Identity;

/// <summary>The signed-in user; implemented by the web host from its authentication state.</summary>
public interface ICurrentUser
{
    Task<PortalUser> GetAsync(CancellationToken cancellationToken = default);
}
