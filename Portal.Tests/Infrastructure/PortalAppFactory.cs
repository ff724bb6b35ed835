using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.Infrastructure;

/// <summary>
/// The real app on a SQLite file and a pickup folder of its own. With <see cref="UseTestAuth"/>, requests sign in
/// through <see cref="TestAuthHandler"/> headers; with <see cref="StartKestrel"/>, a browser can reach it on loopback.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _directory = new();

    public bool UseTestAuth { get; init; }

    /// <summary>The hosting environment; Development unless a test is about another.</summary>
    public string EnvironmentName { get; init; } = "Development";

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Test-only service changes, applied after the app's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string DataDirectory => _directory.Path;

    public string DatabasePath => Path.Combine(_directory.Path, "portal.db");

    /// <summary>With <c>PORTAL_TEST_POSTGRES</c> set: the app's own PostgreSQL database instead of <see cref="DatabasePath"/>.</summary>
    public string? PostgresConnectionString { get; private set; }

    public string MailDirectory => Path.Combine(_directory.Path, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (PostgresTestServer.IsEnabled)
        {
            PostgresConnectionString ??= PostgresTestServer.CreateDatabase();
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Portal", PostgresConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("AzureAd:ClientId", "");
        builder.UseSetting("SendGrid:ApiKey", "");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            // A test that restarts the app on "the same SQLite file" gets the same PostgreSQL database on the PostgreSQL pass.
            var shared = key == "ConnectionStrings:Portal" && PostgresTestServer.IsEnabled && value is not null;
            builder.UseSetting(key, shared ? PostgresTestServer.DatabaseStandingFor(value!) : value);
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }

        if (UseTestAuth)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { });
                services.PostConfigure<AuthenticationOptions>(options => options.DefaultAuthenticateScheme = TestAuthHandler.SchemeName);
            });
        }
    }

    /// <summary>Serves the app over real HTTP on a free loopback port and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await action(db);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
        if (PostgresConnectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(PostgresConnectionString);
        }

        GC.SuppressFinalize(this);
    }
}
