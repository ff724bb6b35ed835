using System.Reflection;
using Portal.Core.Modules;

namespace Portal.Web.Components;

/// <summary>The pages registered <see cref="PortalModule"/>s bring: the router and the endpoints both need them.</summary>
public static class PortalModulePages
{
    public static Assembly[] Of(IEnumerable<PortalModule> modules) =>
        [.. modules.Select(m => m.PagesAssembly).OfType<Assembly>().Where(a => a != typeof(PortalModulePages).Assembly).Distinct()];

    public static RazorComponentsEndpointConventionBuilder AddModulePages(this RazorComponentsEndpointConventionBuilder builder, IServiceProvider services) =>
        builder.AddAdditionalAssemblies(Of(services.GetServices<PortalModule>()));
}
