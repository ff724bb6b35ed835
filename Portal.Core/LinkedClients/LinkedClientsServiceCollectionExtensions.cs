using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.LinkedClients;

public static class LinkedClientsServiceCollectionExtensions
{
    public static IServiceCollection AddLinkedClients(this IServiceCollection services) => services.AddScoped<LinkedClientService>();
}
