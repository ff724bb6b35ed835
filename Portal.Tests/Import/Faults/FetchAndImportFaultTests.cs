using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Connection;

namespace Portal.Import.Faults;

/// <summary>
/// Each fault of docs/reliability.md against a real fetch and import: the app on a loopback port, its XPM client
/// reaching the sandbox over HTTP with the fault injected, a SQLite file. Every run ends Succeeded or Failed with the
/// message shown here; a succeeded fetch staged exactly what XPM holds, once each; a failed one left nothing; and a
/// retry (a new run) completes and imports every record once.
/// </summary>
public sealed class FetchAndImportFaultTests
{
    private const string ClientList = "client.api/list";

    [Fact]
    public async Task Fetch_429WithRetryAfterMidFetch_WaitsItOutAndCompletes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await FaultPortal.StartAsync(time: time);
        portal.Faults.RetryAfter = TimeSpan.FromSeconds(22);
        portal.Faults.InjectNext(SandboxFaultKind.TooManyRequests, 1, ClientList);

        var running = portal.FinishedAsync(await portal.StartFetchAsync());
        var refusedAt = await DriveClockUntilAsync(time, running, started: () => portal.Faults.Pending == 0);
        var fetch = await running;

        await portal.ShouldHaveStagedAllOfXpmAsync(fetch);
        // The client list was asked for again only once XPM's 22 seconds had passed (on the fake clock).
        var retriedAt = portal.Get<XpmQuota>().Current.LastCallAt.ShouldNotBeNull();
        (retriedAt - refusedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(22));
        await portal.ImportAllAsync(fetch);
    }

    [Fact]
    public async Task Fetch_BurstOf5xxWithinTheRetries_Completes()
    {
        await using var portal = await FaultPortal.StartAsync();
        portal.Faults.InjectNext(SandboxFaultKind.ServiceUnavailable, 2, ClientList);
        portal.Faults.InjectNext(SandboxFaultKind.InternalServerError, 1, ClientList);

        var fetch = await portal.FetchAsync();

        await portal.ShouldHaveStagedAllOfXpmAsync(fetch);
        await portal.ImportAllAsync(fetch);
    }

    [Fact]
    public async Task Fetch_BurstOf5xxLongerThanTheRetries_FailsSayingSoAndARetryCompletes()
    {
        await using var portal = await FaultPortal.StartAsync();
        portal.Faults.InjectNext(SandboxFaultKind.InternalServerError, 4, ClientList);

        var fetch = await portal.FetchAsync();

        fetch.Status.ShouldBe(ImportRunStatus.Failed);
        fetch.Error.ShouldBe("XPM is unavailable: HTTP 500 Internal Server Error (An unexpected error occurred) after retrying.");
        await portal.ShouldHaveWrittenNothingAsync();
        await portal.RetryCompletesAsync();
    }

    [Fact]
    public async Task Fetch_ReplySlowerThanTheTimeout_IsAskedForAgainAndCompletes()
    {
        await using var portal = await FaultPortal.StartAsync(new Dictionary<string, string?> { ["Xpm:RequestTimeout"] = "00:00:01" });
        portal.Faults.SlowReplyDelay = TimeSpan.FromMinutes(1);
        portal.Faults.InjectNext(SandboxFaultKind.SlowReply, 1, ClientList);

        var fetch = await portal.FetchAsync();

        await portal.ShouldHaveStagedAllOfXpmAsync(fetch);
        await portal.ImportAllAsync(fetch);
    }

    [Fact]
    public async Task Fetch_EveryReplySlowerThanTheTimeout_FailsSayingSoAndARetryCompletes()
    {
        await using var portal = await FaultPortal.StartAsync(new Dictionary<string, string?> { ["Xpm:RequestTimeout"] = "00:00:01" });
        portal.Faults.SlowReplyDelay = TimeSpan.FromMinutes(1);
        portal.Faults.InjectNext(SandboxFaultKind.SlowReply, 4, ClientList);

        var fetch = await portal.FetchAsync();

        fetch.Status.ShouldBe(ImportRunStatus.Failed);
        fetch.Error.ShouldBe("XPM is unavailable: no reply to GET client.api/list within 00:00:01 (Xpm:RequestTimeout) after retrying.");
        await portal.ShouldHaveWrittenNothingAsync();
        await portal.RetryCompletesAsync();
    }

    [Fact]
    public async Task Fetch_TokenExpiresMidRun_RefreshesOnceAndCompletes()
    {
        await using var portal = await FaultPortal.StartAsync();
        portal.Faults.InjectNext(SandboxFaultKind.TokenExpired, 1, ClientList);

        var fetch = await portal.FetchAsync();

        await portal.ShouldHaveStagedAllOfXpmAsync(fetch);
        portal.Sandbox.TokenCalls.Refreshes.ShouldBe(1);
        (await portal.Sandbox.ConnectionAsync())!.Status.ShouldBe(XpmConnectionStatus.Connected);
        await portal.ImportAllAsync(fetch);
    }

    [Fact]
    public async Task Fetch_TwoRefreshesRacingWithOneRotatingRefreshToken_BothGetTheNewTokenAndTheRunCompletes()
    {
        await using var portal = await FaultPortal.StartAsync();
        await ExpireStoredAccessTokenAsync(portal);
        // A second portal instance on the same database (another web node, a separate worker): its own refresh lock.
        var otherInstance = ActivatorUtilities.CreateInstance<XpmTokenSource>(portal.Sandbox.App.Services);
        portal.Sandbox.TokenCalls.HoldRefreshesUntil(2);

        var running = portal.FinishedAsync(await portal.StartFetchAsync());
        var other = await otherInstance.GetAccessTokenAsync(CancellationToken.None);
        var fetch = await running;

        await portal.ShouldHaveStagedAllOfXpmAsync(fetch);
        portal.Sandbox.TokenCalls.Refreshes.ShouldBe(2);
        var connection = (await portal.Sandbox.ConnectionAsync())!;
        connection.Status.ShouldBe(XpmConnectionStatus.Connected);
        // Xero replays the rotation for the loser of the race, so both instances hold the same new token.
        other.Value.ShouldNotBeNull().AccessToken.ShouldBe(portal.Get<XpmTokenProtector>().Unprotect(connection.ProtectedAccessToken));
        await portal.ImportAllAsync(fetch);
        // The refresh token stored after the race is the live one: the next refresh works.
        await ExpireStoredAccessTokenAsync(portal);
        var next = await portal.FetchAsync();
        next.Status.ShouldBe(ImportRunStatus.Succeeded, next.Error);
        portal.Sandbox.TokenCalls.Refreshes.ShouldBe(3);
    }

    [Fact]
    public async Task Fetch_ReplyCutOffMidStream_ReadsTheWholeListAgainWithoutDuplicates()
    {
        // Small batches, so the broken try has committed rows before its reply breaks off.
        await using var portal = await FaultPortal.StartAsync(new Dictionary<string, string?> { ["Import:BatchSize"] = "10" });
        portal.Faults.InjectNext(SandboxFaultKind.TruncatedXml, 1, ClientList);
        var phases = new List<string?>();
        using var watch = portal.Get<ImportProgress>().Subscribe(snapshot =>
        {
            lock (phases)
            {
                phases.Add(snapshot.Phase);
            }

            return Task.CompletedTask;
        });

        var fetch = await portal.FetchAsync();

        await portal.ShouldHaveStagedAllOfXpmAsync(fetch);
        lock (phases)
        {
            phases.ShouldContain("Reading clients from Xero Practice Manager again (try 2)");
        }

        await portal.ImportAllAsync(fetch);
    }

    [Fact]
    public async Task Fetch_ReplyCutOffOnEveryTry_FailsAfterFourTriesAndARetryCompletes()
    {
        await using var portal = await FaultPortal.StartAsync(new Dictionary<string, string?> { ["Import:BatchSize"] = "10" });
        portal.Faults.InjectNext(SandboxFaultKind.TruncatedXml, 4, ClientList);

        var fetch = await portal.FetchAsync();

        fetch.Status.ShouldBe(ImportRunStatus.Failed);
        // Where the reply is cut (half of it) depends on the practice's data; the rest of the message is fixed.
        fetch.Error.ShouldNotBeNull().ShouldMatch(
            @"^XPM sent a reply the portal cannot read: the reply ended after [\d,]+ bytes, before its XML was complete "
            + @"\(Unexpected end of file [^()]+\)\. Gave up on the client list after 4 tries\.$");
        await portal.ShouldHaveWrittenNothingAsync();
        await portal.RetryCompletesAsync();
    }

    [Fact]
    public async Task Fetch_MalformedXml_FailsAtOnceWithoutRetryingAndARetryCompletes()
    {
        await using var portal = await FaultPortal.StartAsync();
        portal.Faults.InjectNext(SandboxFaultKind.MalformedXml, 1, ClientList);

        var fetch = await portal.FetchAsync();

        fetch.Status.ShouldBe(ImportRunStatus.Failed);
        fetch.Error.ShouldBe(
            "XPM sent a reply the portal cannot read: malformed XML at line 1, position 62: 'unquoted' is an unexpected token. The expected token is '\"' or '''. Line 1, position 62.");
        await portal.ShouldHaveWrittenNothingAsync();
        await portal.RetryCompletesAsync();
    }

    [Fact]
    public async Task Fetch_Http200StatusError_FailsWithXpmsDescriptionAndARetryCompletes()
    {
        await using var portal = await FaultPortal.StartAsync();
        portal.Faults.ErrorDescription = "The practice is being upgraded";
        portal.Faults.InjectNext(SandboxFaultKind.ErrorReply, 1, ClientList);

        var fetch = await portal.FetchAsync();

        fetch.Status.ShouldBe(ImportRunStatus.Failed);
        fetch.Error.ShouldBe("XPM refused the request: The practice is being upgraded.");
        await portal.ShouldHaveWrittenNothingAsync();
        await portal.RetryCompletesAsync();
    }

    [Fact]
    public async Task Fetch_AccessRevokedMidRun_FailsAskingToReconnectAndCompletesOnceReconnected()
    {
        await using var portal = await FaultPortal.StartAsync();
        portal.Faults.InjectNext(SandboxFaultKind.AccessRevoked, 1, ClientList);

        var fetch = await portal.FetchAsync();

        fetch.Status.ShouldBe(ImportRunStatus.Failed);
        fetch.Error.ShouldBe("XPM did not accept the portal's access token (AuthenticationUnsuccessful). Reconnect XPM under Configure → Integrations.");
        await portal.ShouldHaveWrittenNothingAsync();
        (await portal.Sandbox.ConnectionAsync())!.Status.ShouldBe(XpmConnectionStatus.NeedsReconnecting);
        await portal.Sandbox.ConnectAsync("Staff");
        await portal.RetryCompletesAsync();
    }

    private static Task ExpireStoredAccessTokenAsync(FaultPortal portal) =>
        portal.Sandbox.App.WithDbAsync(db => db.Set<XpmConnection>()
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AccessTokenExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

    /// <summary>
    /// Once <paramref name="started"/> holds, moves the fake clock a second at a time until <paramref name="until"/>
    /// completes, and returns the fake time at which it started moving. Nothing in the app waits on a real clock here,
    /// so the steps only pace how fast fake time passes.
    /// </summary>
    private static async Task<DateTimeOffset> DriveClockUntilAsync(FakeTimeProvider time, Task until, Func<bool> started)
    {
        DateTimeOffset? startedAt = null;
        while (!until.IsCompleted)
        {
            if (startedAt is null && started())
            {
                startedAt = time.GetUtcNow();
            }

            if (startedAt is not null)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }

            await Task.WhenAny(until, Task.Delay(TimeSpan.FromMilliseconds(20)));
        }

        return startedAt.ShouldNotBeNull("the fetch finished before the fault was met");
    }
}
