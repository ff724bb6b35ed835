using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Staff;

public static class StaffServiceCollectionExtensions
{
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddScoped<StaffService>();
        return services;
    }
}
