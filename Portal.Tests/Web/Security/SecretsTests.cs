using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm.Connection;
using Portal.Import;
using Portal.Infrastructure;
using Portal.Xpm.Connection;

namespace Portal.Web.Security;

/// <summary>
/// The real app and its sandbox over HTTP, logging at the app's configured levels with Portal.* at Trace: connect, fetch,
/// import (with the access token renewed on every call, so refresh tokens rotate many times), then disconnect. No token,
/// authorization code or PKCE verifier may be in a log or in the SQLite file; no email or phone of the practice's
/// clients, contacts or staff may be in a log.
/// </summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task ConnectFetchImportDisconnect_LogsAndDatabase_HoldNoTokenAndLogsNoPersonalData()
    {
        var secrets = new SecretRecorder();
        await using var portal = await SandboxPortal.StartAsync(
            settings: new Dictionary<string, string?>
            {
                // appsettings.json's levels (the test factory lowers Default to Warning), and the portal's own at Trace.
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Portal"] = "Trace",
                // Shorter than the refresh margin (5 minutes): every XPM call renews the token first.
                ["XpmSandbox:AccessTokenLifetime"] = "00:04:00",
            },
            testServices: services =>
            {
                services.AddFakeLogging();
                services.AddHttpClient<XeroIdentityClient>().AddHttpMessageHandler(() => secrets.NewHandler());
            });
        var logs = portal.App.Services.GetFakeLogCollector();

        await ConnectAsync(portal, secrets);
        // SQLite checkpoints and deletes the WAL when the last connection closes, and other tests clear every pool in the
        // process: this connection keeps the WAL, with the pages not yet written back, there to be read below.
        await using var keepsTheWal = new SqliteConnection($"Data Source={portal.App.DatabasePath};Pooling=False");
        await keepsTheWal.OpenAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 3; i++)
        {
            (await XpmConnectionTests.ServiceAs(portal, PortalRoles.Staff).CheckAsync()).Succeeded.ShouldBeTrue();
        }

        await FetchAndImportEverythingAsync(portal);
        var databaseFiles = ReadDatabaseFiles(portal);
        (await XpmConnectionTests.ServiceAs(portal, PortalRoles.Manager).DisconnectAsync()).Succeeded.ShouldBeTrue();

        var tokens = secrets.Values;
        secrets.Refreshes.ShouldBeGreaterThan(2, "the refresh path must have run too");
        tokens.Count.ShouldBeGreaterThan(6);
        var personal = PersonalData(portal);
        personal.Count.ShouldBeGreaterThan(100);
        var records = logs.GetSnapshot();
        records.Count.ShouldBeGreaterThan(10);
        records.ShouldContain(r => r.Category!.StartsWith("Portal.", StringComparison.Ordinal) && r.Level == LogLevel.Information);
        foreach (var record in records)
        {
            var text = LogText(record);
            tokens.Where(text.Contains).ShouldBeEmpty($"a secret is in the {record.Category} log: {record.Message}");
            personal.Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"personal data is in the {record.Category} log: {record.Message}");
        }

        foreach (var (file, bytes) in databaseFiles)
        {
            tokens.Where(t => Contains(bytes, Encoding.UTF8.GetBytes(t))).ShouldBeEmpty($"a secret is in plain text in {file}");
        }
    }

    /// <summary>As the browser does, keeping the authorization code the callback carries.</summary>
    private static async Task ConnectAsync(SandboxPortal portal, SecretRecorder secrets)
    {
        using var browser = portal.Browser();
        var authorize = await browser.GetAsync("/configure/integrations/xpm/connect");
        var consent = await browser.GetAsync(authorize.Headers.Location);
        secrets.Add(QueryHelpers.ParseQuery(consent.Headers.Location!.Query)["code"].ToString());
        var callback = await browser.GetAsync(consent.Headers.Location);
        callback.Headers.Location!.ToString().ShouldContain("connected=true");
    }

    private static async Task FetchAndImportEverythingAsync(SandboxPortal portal)
    {
        var services = portal.App.Services;
        var user = new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var imports = new ImportService(factory, user, services.GetRequiredService<ImportQueue>(), services.GetRequiredService<ImportProgress>(), TimeProvider.System);
        var review = new ImportReviewService(factory, user);
        var fetch = await ImportRunWaiter.WaitAsync(portal.App, (await imports.StartFetchAsync()).Value);
        fetch.Status.ShouldBe(ImportRunStatus.Succeeded, fetch.Error);
        await review.SetAllStaffSelectedAsync(fetch.RunId, null, true);
        await review.SetAllClientsSelectedAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person), true);
        await review.SetAllClientsSelectedAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Entity), true);
        var import = await ImportRunWaiter.WaitAsync(portal.App, (await imports.StartImportAsync(fetch.RunId)).Value);
        import.Status.ShouldBe(ImportRunStatus.Succeeded, import.Error);
        import.Created.ShouldBeGreaterThan(20);
        (await imports.GetOutcomeCsvAsync(import.RunId)).Succeeded.ShouldBeTrue();
    }

    /// <summary>Every email address and phone number of the sandbox's practice (clients, contacts, staff).</summary>
    private static List<string> PersonalData(SandboxPortal portal)
    {
        var state = portal.Practice.Current;
        return state.Clients.SelectMany(c => new[] { c.Email, c.Phone })
            .Concat(state.Contacts.SelectMany(c => new[] { c.Email, c.Phone, c.Mobile }))
            .Concat(state.Staff.SelectMany(s => new[] { s.Email, s.Phone, s.Mobile }))
            .Where(v => v is { Length: >= 6 })
            .Select(v => v!)
            .Distinct()
            .ToList();
    }

    private static string LogText(FakeLogRecord record)
    {
        var text = new StringBuilder(record.Message).Append('\n').Append(record.Exception?.ToString());
        foreach (var (key, value) in record.StructuredState ?? [])
        {
            text.Append('\n').Append(key).Append('=').Append(value);
        }

        return text.ToString();
    }

    private static List<(string File, byte[] Bytes)> ReadDatabaseFiles(SandboxPortal portal)
    {
        var files = new List<(string, byte[])>();
        foreach (var path in new[] { portal.App.DatabasePath, portal.App.DatabasePath + "-wal", portal.App.DatabasePath + "-shm" })
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                files.Add((Path.GetFileName(path), copy.ToArray()));
            }
        }

        files.ShouldContain(f => f.Item1 == "portal.db-wal" && f.Item2.Length > 0);
        return files;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>Records every token, code and PKCE verifier that crosses the portal's connection to Xero's identity endpoints.</summary>
    private sealed class SecretRecorder
    {
        private readonly ConcurrentDictionary<string, bool> _values = new();
        private int _refreshes;

        public IReadOnlyCollection<string> Values => [.. _values.Keys];

        public int Refreshes => Volatile.Read(ref _refreshes);

        public void Add(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _values[value] = true;
            }
        }

        public DelegatingHandler NewHandler() => new Handler(this);

        private sealed class Handler(SecretRecorder recorder) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Content is FormUrlEncodedContent form)
                {
                    var fields = QueryHelpers.ParseQuery("?" + await form.ReadAsStringAsync(cancellationToken));
                    foreach (var name in new[] { "code", "code_verifier", "refresh_token", "token", "client_secret" })
                    {
                        recorder.Add(fields.TryGetValue(name, out var value) ? value.ToString() : null);
                    }

                    if (fields.TryGetValue("grant_type", out var grant) && grant == "refresh_token")
                    {
                        Interlocked.Increment(ref recorder._refreshes);
                    }
                }

                recorder.Add(request.Headers.Authorization?.Parameter);
                var response = await base.SendAsync(request, cancellationToken);
                if (response.Content.Headers.ContentType?.MediaType == "application/json")
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    if (body.TrimStart().StartsWith('{'))
                    {
                        using var json = JsonDocument.Parse(body);
                        foreach (var name in new[] { "access_token", "refresh_token", "id_token" })
                        {
                            recorder.Add(json.RootElement.TryGetProperty(name, out var token) ? token.GetString() : null);
                        }
                    }

                    response.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                return response;
            }
        }
    }
}
