using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Benchmarks;

/// <summary>
/// The real portal with its embedded sandbox practice of <see cref="Clients"/> generated clients, on a loopback port and a
/// fresh SQLite file (or, with <paramref name="postgres"/>, a fresh database on that PostgreSQL server), reached by the
/// real XPM client over HTTP (as <c>Portal.Tests</c>' <c>SandboxPortal</c> does).
/// </summary>
internal sealed class BenchmarkPortal(int clients, string? postgres = null) : WebApplicationFactory<Program>
{
    private readonly string? _postgresDatabase = postgres is null ? null : BenchmarkPostgres.CreateDatabase(postgres);

    private readonly string _directory = Directory.CreateTempSubdirectory("portal-bench-").FullName;

    public int Clients => clients;

    public string DataDirectory => _directory;

    /// <summary>The benchmark's own PostgreSQL database, or null on SQLite.</summary>
    public string? PostgresDatabase => _postgresDatabase;

    public Uri BaseUri { get; private set; } = null!;

    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUri = new Uri(addresses.Addresses.First());
        return BaseUri;
    }

    /// <summary>Connect → Xero's authorize (auto-consent) → callback, following the redirects as a browser would.</summary>
    public async Task ConnectAsync()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUri };
        var next = new Uri(BaseUri, "/configure/integrations/xpm/connect");
        for (var hop = 0; hop < 3; hop++)
        {
            using var reply = await browser.GetAsync(next);
            if (reply.StatusCode != HttpStatusCode.Redirect || reply.Headers.Location is null)
            {
                throw new InvalidOperationException($"Connect hop {hop} to {next} answered {(int)reply.StatusCode}.");
            }

            next = new Uri(next, reply.Headers.Location);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        if (_postgresDatabase is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Portal", _postgresDatabase);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(_directory, "portal.db")}");
        }

        builder.UseSetting("Email:PickupDirectory", Path.Combine(_directory, "mail"));
        builder.UseSetting("AzureAd:ClientId", "");
        builder.UseSetting("SendGrid:ApiKey", "");
        // Start-up notices (migrations, data protection) would interleave with the table; a failed run throws anyway.
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        // A failed command would print its SQL with every parameter; the worker's own log line says what failed.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        builder.UseSetting("XpmSandbox:AutoConsent", "true");
        builder.UseSetting("XpmSandbox:Clients", clients.ToString(CultureInfo.InvariantCulture));
        // One fetch makes a handful of calls; pacing must not be what is measured.
        builder.UseSetting("XpmSandbox:RateLimits:PerMinute", "10000");
        builder.UseSetting("Xpm:RequestsPerMinute", "10000");
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BenchmarkAuthHandler>(BenchmarkAuthHandler.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(options => options.DefaultAuthenticateScheme = BenchmarkAuthHandler.SchemeName);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            BenchmarkPostgres.DropDatabase(_postgresDatabase);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open leaves the temp folder behind; not worth failing a benchmark for.
        }
    }
}
