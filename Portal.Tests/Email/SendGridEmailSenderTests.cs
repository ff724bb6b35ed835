using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Email;
using Portal.Infrastructure;

namespace Portal.Email;

/// <summary>The SendGrid sender against a local HTTP endpoint standing in for api.sendgrid.com.</summary>
public sealed class SendGridEmailSenderTests : IAsyncLifetime
{
    private WebApplication _fake = null!;
    private readonly List<(string Path, string? Authorization, string Body)> _requests = [];
    private HttpStatusCode _status = HttpStatusCode.Accepted;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _fake = builder.Build();
        _fake.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _requests.Add((context.Request.Path, context.Request.Headers.Authorization, await reader.ReadToEndAsync()));
            context.Response.Headers["X-Message-Id"] = "sg-123";
            context.Response.StatusCode = (int)_status;
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
}
