using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Sync;

public static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddScoped<ConflictService>();
        services.AddScoped<XpmSyncService>();
        services.AddScoped<SyncRunService>();
        services.AddScoped<SyncRunner>();
        return services;
    }
}
