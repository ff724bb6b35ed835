using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Portal.XpmSandbox;

namespace Portal.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project Portal.Benchmarks -- --clients 1000,20000,50000</c>. Each size runs in its own process
/// (so one size's memory never counts against the next): the app and its sandbox practice on loopback, then each phase,
/// the server-side queries of the Clients step and Clients list, and the floors each phase is compared with
/// (docs/benchmarks.md). On PostgreSQL add <c>--provider postgres --connection "Host=…;Username=…"</c> (a database of its
/// own is created on that server). Not named Program: the app's is.
/// </summary>
internal static class Benchmark
{
    /// <summary>The issue's bound for each Clients step / Clients list query on the server.</summary>
    private const double QueryTargetMilliseconds = 150;

    public static async Task<int> Main(string[] args)
    {
        var sizes = ArgValue(args, "--clients")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [1_000];
        if (sizes.Length > 1)
        {
            var failed = 0;
            foreach (var size in sizes)
            {
                failed += await RunChildAsync(size, args);
            }

            return failed;
        }

        var postgres = string.Equals(ArgValue(args, "--provider"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? ArgValue(args, "--connection") ?? throw new ArgumentException("--provider postgres needs --connection \"Host=…;Username=…\"")
            : null;
        return await RunAsync(sizes[0], postgres);
    }

    private static async Task<int> RunChildAsync(int clients, string[] args)
    {
        string[] childArgs = ["--clients", clients.ToString(CultureInfo.InvariantCulture), .. ProviderArgs(args)];
        using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, childArgs) { UseShellExecute = false })!;
        await child.WaitForExitAsync();
        Console.WriteLine();
        return child.ExitCode == 0 ? 0 : 1;
    }

    private static IEnumerable<string> ProviderArgs(string[] args) =>
        new[] { "--provider", "--connection" }.Where(name => ArgValue(args, name) is not null).SelectMany(name => new[] { name, ArgValue(args, name)! });

    private static async Task<int> RunAsync(int clients, string? postgres)
    {
        Console.WriteLine($"Portal.Benchmarks: {clients:N0} sandbox clients, {(postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");

        await using var portal = new BenchmarkPortal(clients, postgres);
        portal.Start();
        await portal.ConnectAsync();
        // The sandbox builds its practice on first use; build it now so the idle baseline holds it (production has no sandbox).
        _ = portal.Services.GetRequiredService<SandboxPractice>().Current.Clients.Count;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var idle = Environment.WorkingSet;
        var idlePrivate = Phase.PrivateMemory();
        var flow = new ImportFlow(portal);
        var phases = new List<Phase>();

        async Task<T> Run<T>(string name, Func<Task<(T Value, string Note)>> body)
        {
            var (phase, value) = await Phase.MeasureAsync(name, body);
            phases.Add(phase);
            Console.WriteLine($"  {phase.Name}: {phase.Elapsed.TotalSeconds:0.00} s, peak {(phase.PeakWorkingSet - idle) / 1024 / 1024:N0} MB above idle ({(phase.PeakPrivate - idlePrivate) / 1024 / 1024:N0} MB private)  {phase.Note}");
            return value;
        }

        var fetch = await Run("(1) fetch", async () =>
        {
            var run = await flow.FetchAsync(fullReimport: false);
            return (run, $"{run.ClientCount:N0} people, {run.EntityCount:N0} entities, {run.StaffCount} staff, {run.ArchivedLeftOut + run.DeletedLeftOut:N0} archived/deleted left out");
        });
        // The same read again: the first pays for the process's start (JIT, EF Core compiling each query once); this one
        // is the same work warm, as the floors are measured. Nothing is imported in between, so it reads the same records.
        fetch = await Run("(1) fetch again, warm", async () =>
        {
            var run = await flow.FetchAsync(fullReimport: false);
            return (run, $"{run.ClientCount:N0} people, {run.EntityCount:N0} entities: the same first fetch, after one");
        });
        var stepQueries = await flow.TimeQueriesAsync(fetch.RunId, "smith");
        await flow.SelectEveryoneAsync(fetch.RunId);
        var import = await Run("(2) confirm + apply", async () =>
        {
            var run = await flow.ImportAsync(fetch.RunId);
            return (run, $"created {run.Created:N0}, linked {run.Linked:N0}, updated {run.Updated:N0}, skipped {run.Skipped:N0}");
        });
        var linked = await flow.LinkedClientsAsync();
        if (linked != fetch.ClientCount + fetch.EntityCount)
        {
            throw new InvalidOperationException($"{linked:N0} linked clients after the import; the fetch offered {fetch.ClientCount + fetch.EntityCount:N0}.");
        }

        // What the first import wrote, kept for floor (f): the later phases change these tables.
        var applied = portal.PostgresDatabase is null ? Path.Combine(portal.DataDirectory, "applied.db") : null;
        if (applied is not null)
        {
            await Floors.SnapshotAsync(Path.Combine(portal.DataDirectory, "portal.db"), applied);
        }

        var refetch = await Run("(3) re-import: fetch", async () =>
        {
            var run = await flow.FetchAsync(fullReimport: true);
            return (run, $"full re-read, {run.ClientCount + run.EntityCount:N0} clients and entities, nothing changed in XPM");
        });
        // The Clients list is timed on a full portal, and the Clients step on a re-read that matches every record.
        var listQueries = await flow.TimeQueriesAsync(refetch.RunId, "smith");
        await flow.SelectEveryoneAsync(refetch.RunId);
        await Run("(3) re-import: apply", async () =>
        {
            var run = await flow.ImportAsync(refetch.RunId);
            return (run, $"created {run.Created:N0}, linked {run.Linked:N0}, updated {run.Updated:N0}, skipped {run.Skipped:N0}");
        });

        // What Import Data does by default after an import: only clients modified in XPM since are read (none here).
        await DeltaAsync("(4) delta, nothing changed", flow, Run);
        var changed = flow.ChangeOnePercentInXpm();
        await DeltaAsync($"(5) delta, 1 % changed ({changed:N0})", flow, Run);

        // The floors last, so their buffers never count against a phase's memory.
        var body = await Run("(a) download floor", async () =>
        {
            var bytes = await Floors.DownloadClientListAsync(portal);
            return (bytes, $"{bytes.Length / 1024.0 / 1024.0:0.0} MiB of XML");
        });
        var listed = await Run("(b) XmlReader floor", () =>
        {
            var count = Floors.ReadXml(body);
            return Task.FromResult((count, $"{count:N0} <Client> elements"));
        });
        body = [];
        var provider = portal.PostgresDatabase is null ? "SQLite" : "PostgreSQL";
        DbConnection Connect() => portal.PostgresDatabase is { } database
            ? new Npgsql.NpgsqlConnection(database)
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(portal.DataDirectory, "floor.db")};Pooling=False");
        await Run($"(c) {provider} insert floor", async () =>
        {
            var rows = await Floors.InsertRowsAsync(Connect(), listed, linksAndTeams: false);
            return (rows, $"{rows:N0} rows x 15 text columns, one prepared insert, one transaction");
        });
        await Run($"(d) {provider} apply floor", async () =>
        {
            var rows = await Floors.InsertRowsAsync(Connect(), listed, linksAndTeams: true);
            return (rows, $"{rows:N0} clients as in (c), each with a link row and two team rows, prepared inserts, one transaction");
        });
        await Run($"(e) {provider} apply floor, indexed", async () =>
        {
            var rows = await Floors.InsertIndexedApplyRowsAsync(Connect(), listed);
            return (rows, $"(d)'s rows in tables shaped and indexed as the portal's clients, links and team members");
        });
        if (applied is not null)
        {
            var rows = await Floors.ReadAppliedRowsAsync(applied);
            await Run($"(f) {provider} apply floor, the import's own rows", async () =>
            {
                var count = await Floors.InsertAppliedRowsAsync(
                    new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(portal.DataDirectory, "floor-applied.db")};Pooling=False;Foreign Keys=False"), rows);
                return (count, $"every row the first import wrote, as stored, into the portal's own tables and indexes: {rows.Describe()}");
            });
        }

        Print(phases, idle, idlePrivate);
        PrintQueries("after the first fetch (Clients step on a first import; Clients list empty)", stepQueries);
        PrintQueries("after the first import (Clients step on a full re-read; Clients list full)", listQueries);
        return 0;
    }

    private static async Task DeltaAsync(string name, ImportFlow flow, Func<string, Func<Task<(Core.Import.Runs.ImportProgressSnapshot Value, string Note)>>, Task<Core.Import.Runs.ImportProgressSnapshot>> run)
    {
        var delta = await run($"{name}: fetch", async () =>
        {
            var fetched = await flow.FetchAsync(fullReimport: false);
            return (fetched, $"modified since the last import: {fetched.ClientCount + fetched.EntityCount:N0} clients and entities, {fetched.StaffCount} staff");
        });
        if (delta is not null)
        {
            await flow.SelectEveryoneAsync(delta.RunId);
            await run($"{name}: apply", async () =>
            {
                var applied = await flow.ImportAsync(delta.RunId);
                return (applied, $"created {applied.Created:N0}, linked {applied.Linked:N0}, updated {applied.Updated:N0}, skipped {applied.Skipped:N0}");
            });
        }
    }

    private static string? ArgValue(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    // Ratios: a fetch against its floors (download + XML pass + raw inserts of as many rows); an apply against (f), the
    // issue's floor taken literally (the import's own rows, raw, in the portal's tables; SQLite only, else (d)), and the
    // first apply also against (d) and (e), stand-in rows (a client, its link, two team rows) without and with the
    // portal's indexes; the full re-import against (a) + (b) + (c) + (d), as since round 2.
    private static void Print(List<Phase> phases, long idle, long idlePrivate)
    {
        TimeSpan Of(string name) => phases.Single(p => p.Name == name).Elapsed;
        TimeSpan? Floor(string letter) => phases.SingleOrDefault(p => p.Name.StartsWith($"({letter}) ", StringComparison.Ordinal))?.Elapsed;
        var standIn = Floor("d")!.Value;
        var applyFloor = Floor("f") ?? standIn;
        var fetchFloor = Floor("a")!.Value + Floor("b")!.Value + Floor("c")!.Value;
        var reimport = Of("(3) re-import: fetch") + Of("(3) re-import: apply");
        var reimportFailed = phases.Any(p => p.Failed && p.Name.StartsWith("(3)", StringComparison.Ordinal));
        var rows = new List<(string Name, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Jit, TimeSpan Gc, string Ratio, long Peak, long PeakPrivate, long Allocated)>();
        foreach (var phase in phases)
        {
            var floor = phase.Name.StartsWith('(') && char.IsDigit(phase.Name[1])
                ? phase.Name.Contains("apply", StringComparison.Ordinal) ? applyFloor : fetchFloor
                : TimeSpan.Zero;
            var ratio = phase.Failed ? "failed" : floor > TimeSpan.Zero ? $"{phase.Elapsed / floor:0.0}x" : "floor";
            rows.Add((phase.Name, phase.Elapsed, phase.Cpu, phase.Jit, phase.GcPause, ratio, phase.PeakWorkingSet, phase.PeakPrivate, phase.Allocated));
        }

        rows.Add(("(3) re-import total", reimport, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, reimportFailed ? "failed" : $"{reimport / (fetchFloor + standIn):0.0}x", 0, 0, 0));
        // On PostgreSQL (no (f)) the apply's own row is already against (d).
        string[] alsoAgainst = Floor("f") is null ? ["e"] : ["d", "e"];
        foreach (var letter in alsoAgainst)
        {
            rows.Add(($"(2) confirm + apply, against ({letter})", Of("(2) confirm + apply"), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, $"{Of("(2) confirm + apply") / Floor(letter)!.Value:0.0}x", 0, 0, 0));
        }

        Console.WriteLine();
        Console.WriteLine($"Idle working set (app + sandbox practice, after start-up): {idle / 1024 / 1024:N0} MB, of it private: {idlePrivate / 1024 / 1024:N0} MB");
        Console.WriteLine();
        Console.WriteLine("| Phase | Seconds | Ratio to floor | CPU seconds (all threads) | JIT seconds | GC pause seconds | Peak working set above idle (MB) | Peak private memory above idle (MB) | Allocated (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var peak = row.Peak > 0 ? $"{(row.Peak - idle) / 1024.0 / 1024.0:N0}" : "";
            var peakPrivate = row.PeakPrivate > 0 ? $"{(row.PeakPrivate - idlePrivate) / 1024.0 / 1024.0:N0}" : "";
            var allocated = row.Allocated > 0 ? $"{row.Allocated / 1024.0 / 1024.0:N0}" : "";
            string Seconds(TimeSpan t) => row.Cpu > TimeSpan.Zero ? $"{t.TotalSeconds:0.00}" : "";
            Console.WriteLine($"| {row.Name} | {row.Elapsed.TotalSeconds:0.00} | {row.Ratio} | {Seconds(row.Cpu)} | {Seconds(row.Jit)} | {Seconds(row.Gc)} | {peak} | {peakPrivate} | {allocated} |");
        }
    }

    private static void PrintQueries(string when, IReadOnlyList<(string Query, double Milliseconds)> timings)
    {
        Console.WriteLine();
        Console.WriteLine($"Server-side queries, {when}; median of 5 after a warm-up, target {QueryTargetMilliseconds:0} ms:");
        Console.WriteLine();
        Console.WriteLine("| Query | ms | Target met |");
        Console.WriteLine("|---|---:|---|");
        foreach (var (query, milliseconds) in timings)
        {
            Console.WriteLine($"| {query} | {milliseconds:0} | {(milliseconds <= QueryTargetMilliseconds ? "yes" : "no")} |");
        }
    }
}
