using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Portal.Core.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>SendGrid when <c>SendGrid:ApiKey</c> is set; otherwise .eml files in the pickup folder under <paramref name="contentRoot"/>.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.SectionName);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return new EmailSenderIdentity(options.From, options.FromName);
        });
        services.AddSingleton(sp => new EmailOutbox(
            Path.GetFullPath(Path.Combine(contentRoot, sp.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory)),
            sp.GetRequiredService<TimeProvider>()));

        // A send that timed out or got a 5xx may already have gone out, and SendGrid has no idempotency key: retrying it
        // can email someone twice. Only a connection that failed before the request was sent, or a 429 (SendGrid refuses
        // the whole request), is retried.
        services.AddHttpClient(nameof(SendGridEmailSender)).AddStandardResilienceHandler(options =>
            options.Retry.ShouldHandle = args => ValueTask.FromResult(
                SendGridEmailSender.FailedBeforeSending(args.Outcome.Exception)
                || args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests));
        services.AddSingleton<ISendGridClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SendGridOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGridEmailSender));
            var clientOptions = new SendGridClientOptions { ApiKey = options.ApiKey };
            if (!string.IsNullOrWhiteSpace(options.Host))
            {
                clientOptions.Host = options.Host;
            }

            return new SendGridClient(http, clientOptions);
        });
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<PickupFolderEmailSender>();
        services.AddSingleton<IEmailSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SendGridOptions>>().Value.ApiKey)
                ? sp.GetRequiredService<PickupFolderEmailSender>()
                : sp.GetRequiredService<SendGridEmailSender>());
        return services;
    }
}
