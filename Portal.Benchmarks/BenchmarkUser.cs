using Portal.Core.Identity;

namespace Portal.Benchmarks;

/// <summary>The staff member who presses Import Data and Confirm, as the import page would pass them to the services.</summary>
internal sealed class BenchmarkUser : ICurrentUser
{
    public Task<PortalUser> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(BenchmarkAuthHandler.Staff);
}
