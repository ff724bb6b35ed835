using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.Core.Practices;

public static class PracticesServiceCollectionExtensions
{
    public static IServiceCollection AddPractices(this IServiceCollection services)
    {
        services.AddOptions<PracticeOptions>().BindConfiguration(PracticeOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDatabaseSeeder, DefaultPracticeSeeder>();
        services.AddSingleton<PracticeService>();
        return services;
    }
}
