using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.Import.Undo;

namespace Portal.Core.Import;

public static class ImportServiceCollectionExtensions
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportRunClaims>();
        // Live progress across nodes: announced with NOTIFY on PostgreSQL; on SQLite the listener polls the rows instead.
        services.AddSingleton<IImportProgressAnnouncer, PostgresProgressAnnouncer>();
        services.AddSingleton(sp => new ImportProgress(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres ? sp.GetRequiredService<IImportProgressAnnouncer>() : null));
        services.AddHostedService<ImportProgressListener>();
        services.AddScoped<RunFinishedNotifier>();
        services.AddScoped<FetchRunner>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<UndoRunner>();
        services.AddScoped<ImportReviewService>();
        services.AddScoped<ImportService>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
