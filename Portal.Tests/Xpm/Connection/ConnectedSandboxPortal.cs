using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Xpm;

namespace Portal.Xpm.Connection;

/// <summary>
/// One <see cref="SandboxPortal"/>, started and connected through OAuth once, shared by the tests of a class.
/// Tests change the sandbox's data and faults: each test resets the faults and leaves records it relies on alone.
/// </summary>
public sealed class ConnectedSandboxPortal : IAsyncLifetime
{
    public SandboxPortal Portal { get; private set; } = null!;

    /// <summary>The real client: the sandbox over HTTP with OAuth, XML parsing and the resilience pipeline.</summary>
    public IXpmClient Xpm => Portal.App.Services.GetRequiredService<IXpmClient>();

    public XpmQuota Quota => Portal.App.Services.GetRequiredService<XpmQuota>();

    public async ValueTask InitializeAsync()
    {
        Portal = await SandboxPortal.StartAsync();
        await Portal.ConnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }
    }
}
