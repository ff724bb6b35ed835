using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Clients;

public static class ClientsServiceCollectionExtensions
{
    public static IServiceCollection AddClients(this IServiceCollection services)
    {
        services.AddScoped<ClientService>();
        return services;
    }
}
