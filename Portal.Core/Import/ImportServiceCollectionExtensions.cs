using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Import;

public static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportProgress>();
        services.AddScoped<ImportNotifier>();
        services.AddScoped<FetchRunner>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportReviewService>();
        services.AddScoped<ImportService>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
