using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.Core.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>The user directory; with <paramref name="seedDemoUsers"/>, the demo staff and manager too.</summary>
    public static IServiceCollection AddPortalUsers(this IServiceCollection services, bool seedDemoUsers)
    {
        services.AddSingleton<PortalUserDirectory>();
        if (seedDemoUsers)
        {
            services.AddSingleton<IDatabaseSeeder, DemoUsers>();
        }

        return services;
    }
}
