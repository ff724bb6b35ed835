using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Email;
using Portal.Infrastructure;

namespace Portal.Email;

public sealed class PickupFolderEmailSenderTests
{
    [Fact]
    public async Task SendAsync_WithoutSendGridKey_WritesAnEmlTheOutboxCanRead()
    {
        using var folder = new TempDirectory();
        await using var services = EmailServices.Build(folder.Path, new());
        var sender = services.GetRequiredService<IEmailSender>();

        var sent = await sender.SendAsync(new EmailMessage("ana@example.com", "Your Xero Practice Manager data is ready to review", "Open the portal.", "<p>Open the <b>portal</b>.</p>"), TestContext.Current.CancellationToken);

        sent.Succeeded.ShouldBeTrue();
        var outbox = services.GetRequiredService<EmailOutbox>();
        var email = (await outbox.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        (email.Id, email.Subject, email.TextBody?.Trim()).ShouldBe((sent.Value!.Id!, "Your Xero Practice Manager data is ready to review", "Open the portal."));
        email.To.ShouldContain("ana@example.com");
        email.HtmlBody!.ShouldContain("<b>portal</b>");
    }

    [Fact]
    public async Task GetAsync_IdWithPathCharacters_IsRejected()
    {
        using var folder = new TempDirectory();
        var outbox = new EmailOutbox(folder.Path, TimeProvider.System);

        (await outbox.GetAsync("../secrets", TestContext.Current.CancellationToken)).ShouldBeNull();
    }
}

internal static class EmailServices
{
    public static ServiceProvider Build(string contentRoot, Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddEmail(contentRoot);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
