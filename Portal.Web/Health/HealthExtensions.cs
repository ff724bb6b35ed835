using Portal.Core.Data;

namespace Portal.Web.Health;

public static class HealthExtensions
{
    /// <summary>/healthz is healthy only when the database answers.</summary>
    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return services;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz").AllowAnonymous();
        return app;
    }
}
