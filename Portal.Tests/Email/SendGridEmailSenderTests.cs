using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Portal.Core.Email;
using Portal.Infrastructure;

namespace Portal.Email;

/// <summary>The SendGrid sender against a local HTTP endpoint standing in for api.sendgrid.com.</summary>
public sealed class SendGridEmailSenderTests : IAsyncLifetime
{
    private WebApplication _fake = null!;
    private readonly List<(string Path, string? Authorization, string Body)> _requests = [];
    private HttpStatusCode _status = HttpStatusCode.Accepted;
    private readonly Queue<HttpStatusCode> _firstStatuses = new();
    private TimeSpan _delay = TimeSpan.Zero;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _fake = builder.Build();
        _fake.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _requests.Add((context.Request.Path, context.Request.Headers.Authorization, await reader.ReadToEndAsync()));
            await Task.Delay(_delay, context.RequestAborted);
            context.Response.Headers["X-Message-Id"] = "sg-123";
            context.Response.StatusCode = (int)(_firstStatuses.TryDequeue(out var first) ? first : _status);
        });
        await _fake.StartAsync();
    }

    public async ValueTask DisposeAsync() => await _fake.DisposeAsync();

    private string Host => _fake.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    [Fact]
    public async Task SendAsync_WithApiKey_PostsTheMailToSendGrid()
    {
        using var folder = new TempDirectory();
        await using var services = EmailServices.Build(folder.Path, new()
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = Host,
            ["Email:From"] = "portal@practice.example",
        });

        var sent = await services.GetRequiredService<IEmailSender>()
            .SendAsync(new EmailMessage("ana@example.com", "Import finished", "12 clients created."), TestContext.Current.CancellationToken);

        sent.Value!.Id.ShouldBe("sg-123");
        var request = _requests.ShouldHaveSingleItem();
        request.Authorization.ShouldBe("Bearer SG.test-key");
        using var json = JsonDocument.Parse(request.Body);
        json.RootElement.GetProperty("from").GetProperty("email").GetString().ShouldBe("portal@practice.example");
        var personalization = json.RootElement.GetProperty("personalizations")[0];
        personalization.GetProperty("to")[0].GetProperty("email").GetString().ShouldBe("ana@example.com");
        var subject = json.RootElement.TryGetProperty("subject", out var global) ? global : personalization.GetProperty("subject");
        subject.GetString().ShouldBe("Import finished");
        Directory.Exists(Path.Combine(folder.Path, "data", "mail")).ShouldBeFalse();
    }

    [Fact]
    public async Task SendAsync_WhenSendGridRefuses_ReturnsAFailureInsteadOfThrowing()
    {
        _status = HttpStatusCode.BadRequest;
        using var folder = new TempDirectory();
        await using var services = EmailServices.Build(folder.Path, new() { ["SendGrid:ApiKey"] = "SG.bad", ["SendGrid:Host"] = Host });

        var sent = await services.GetRequiredService<IEmailSender>()
            .SendAsync(new EmailMessage("ana@example.com", "Hi", "Body"), TestContext.Current.CancellationToken);

        sent.Error.ShouldBeOfType<EmailSendFailedError>().Message.ShouldContain("400");
    }

    // No retry delay, so the resilience handler's behaviour shows in milliseconds; an attempt timeout a loaded machine
    // never reaches by accident (a short one made a slow first answer look like SendGrid not answering).
    private static void FastResilience(IServiceCollection services) => Resilience(services, TimeSpan.FromSeconds(10));

    private static void Resilience(IServiceCollection services, TimeSpan attemptTimeout) =>
        services.Configure<HttpStandardResilienceOptions>("SendGridEmailSender-standard", options =>
        {
            options.Retry.Delay = TimeSpan.Zero;
            options.AttemptTimeout.Timeout = attemptTimeout;
        });

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task SendAsync_WhenSendGridAnswersAnError_SendsOnceAndReportsIt(HttpStatusCode status)
    {
        _status = status;
        using var folder = new TempDirectory();
        await using var services = EmailServices.Build(folder.Path, new() { ["SendGrid:ApiKey"] = "SG.test", ["SendGrid:Host"] = Host }, FastResilience);

        var sent = await services.GetRequiredService<IEmailSender>()
            .SendAsync(new EmailMessage("ana@example.com", "Hi", "Body"), TestContext.Current.CancellationToken);

        sent.Error.ShouldBeOfType<EmailSendFailedError>().Message.ShouldContain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_WhenSendGridDoesNotAnswerInTime_DoesNotSendAgain()
    {
        _delay = TimeSpan.FromSeconds(5);
        using var folder = new TempDirectory();
        await using var services = EmailServices.Build(folder.Path, new() { ["SendGrid:ApiKey"] = "SG.test", ["SendGrid:Host"] = Host },
            s => Resilience(s, TimeSpan.FromMilliseconds(300)));

        var sent = await services.GetRequiredService<IEmailSender>()
            .SendAsync(new EmailMessage("ana@example.com", "Hi", "Body"), TestContext.Current.CancellationToken);

        sent.Error.ShouldBeOfType<EmailSendFailedError>().Message.ShouldContain("may or may not have been sent");
        _requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_WhenTheConnectionFailsBeforeSending_RetriesAndSendsOnce()
    {
        using var folder = new TempDirectory();
        await using var services = EmailServices.Build(folder.Path, new() { ["SendGrid:ApiKey"] = "SG.test", ["SendGrid:Host"] = Host }, s =>
        {
            FastResilience(s);
            s.AddHttpClient("SendGridEmailSender").ConfigurePrimaryHttpMessageHandler(() => new FailsToConnectOnce { InnerHandler = new SocketsHttpHandler() });
        });

        var sent = await services.GetRequiredService<IEmailSender>()
            .SendAsync(new EmailMessage("ana@example.com", "Hi", "Body"), TestContext.Current.CancellationToken);

        sent.Succeeded.ShouldBeTrue();
        _requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_WhenSendGridRateLimits_RetriesBecauseNothingWasAccepted()
    {
        _firstStatuses.Enqueue(HttpStatusCode.TooManyRequests);
        using var folder = new TempDirectory();
        await using var services = EmailServices.Build(folder.Path, new() { ["SendGrid:ApiKey"] = "SG.test", ["SendGrid:Host"] = Host }, FastResilience);

        var sent = await services.GetRequiredService<IEmailSender>()
            .SendAsync(new EmailMessage("ana@example.com", "Hi", "Body"), TestContext.Current.CancellationToken);

        sent.Succeeded.ShouldBeTrue();
        _requests.Count.ShouldBe(2);
    }

    /// <summary>The first attempt fails as a refused TCP connection does: before anything is sent.</summary>
    private sealed class FailsToConnectOnce : DelegatingHandler
    {
        private int _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _attempts) == 1
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")
                : base.SendAsync(request, cancellationToken);
    }
}
