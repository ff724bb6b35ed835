using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import;

public static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportRunClaims>();
        services.AddScoped<RunFinishedNotifier>();
        services.AddScoped<FetchRunner>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ImportReviewService>();
        services.AddScoped<ImportService>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
