using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Portal.Infrastructure;

/// <summary>bUnit with MudBlazor's services and loose JS interop (MudBlazor calls JS we don't assert on).</summary>
public abstract class PortalTestContext : BunitContext
{
    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // bUnit's default of one second is short for a render on a loaded two-core machine running tests in parallel.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
    }
}
