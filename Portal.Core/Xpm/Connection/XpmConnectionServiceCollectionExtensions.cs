using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Portal.Core.Xpm.Connection;

public static class XpmConnectionServiceCollectionExtensions
{
    /// <summary>
    /// Connecting to XPM (OAuth2 code + PKCE) and keeping its tokens: encrypted at rest with Data Protection,
    /// which the host configures (keys persisted under data/).
    /// </summary>
    public static IServiceCollection AddXpmConnection(this IServiceCollection services)
    {
        services.AddSingleton<XpmTokenProtector>();
        services.AddHttpClient<XeroIdentityClient>().AddStandardResilienceHandler(options =>
        {
            var transient = options.Retry.ShouldHandle;
            options.Retry.ShouldHandle = args => XeroIdentityClient.MayRetry(args.Context.GetRequestMessage())
                ? transient(args)
                : ValueTask.FromResult(false);
        });
        services.AddSingleton<XpmTokenSource>();
        services.AddSingleton<IXpmTokenSource>(sp => sp.GetRequiredService<XpmTokenSource>());
        services.AddScoped<XpmConnectionService>();
        return services;
    }
}
