using System.Globalization;

namespace Portal.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project Portal.Benchmarks -- --clients 20000</c>, on PostgreSQL with
/// <c>--provider postgres --connection "Host=…;Username=…"</c> (a database of its own is created on that server). One run: the app and its sandbox practice
/// on loopback, then each phase and the floor it is compared with (docs/benchmarks.md). Not named Program: the app's is.
/// </summary>
internal static class Benchmark
{
    public static async Task<int> Main(string[] args)
    {
        var clients = ArgValue(args, "--clients") ?? 1_000;
        var postgres = string.Equals(ArgText(args, "--provider"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? ArgText(args, "--connection") ?? throw new ArgumentException("--provider postgres needs --connection \"Host=…;Username=…\"")
            : null;
        Console.WriteLine($"Portal.Benchmarks: {clients:N0} sandbox clients, {(postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

        await using var portal = new BenchmarkPortal(clients, postgres);
        portal.Start();
        await portal.ConnectAsync();
        var flow = new ImportFlow(portal);
        var phases = new List<Phase>();

        async Task<T> Run<T>(string name, Func<Task<(T Value, string Note)>> body)
        {
            var (phase, value) = await Phase.MeasureAsync(name, body);
            phases.Add(phase);
            Console.WriteLine($"  {phase.Name}: {phase.Elapsed.TotalSeconds:0.00} s  {phase.Note}");
            return value;
        }

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

        var fetch = await Run("(1) fetch", async () =>
        {
            var run = await flow.FetchAsync(fullReimport: false);
            return (run, $"{run.ClientCount:N0} people, {run.EntityCount:N0} entities, {run.StaffCount} staff, {run.ArchivedLeftOut + run.DeletedLeftOut:N0} archived/deleted left out");
        });
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

        var refetch = await Run("(3) re-import: fetch", async () =>
        {
            var run = await flow.FetchAsync(fullReimport: true);
            return (run, $"full re-read, {run.ClientCount + run.EntityCount:N0} clients and entities, nothing changed in XPM");
        });
        await flow.SelectEveryoneAsync(refetch.RunId);
        await Run("(3) re-import: apply", async () =>
        {
            var run = await flow.ImportAsync(refetch.RunId);
            return (run, $"created {run.Created:N0}, linked {run.Linked:N0}, updated {run.Updated:N0}, skipped {run.Skipped:N0}");
        });

        // What Import Data does by default after an import: only clients modified in XPM since are read (none here).
        var delta = await Run("(4) delta re-import: fetch", async () =>
        {
            var run = await flow.FetchAsync(fullReimport: false);
            return (run, $"modified since the last import: {run.ClientCount + run.EntityCount:N0} clients and entities");
        });
        if (delta is not null)
        {
            await flow.SelectEveryoneAsync(delta.RunId);
            await Run("(4) delta re-import: apply", async () =>
            {
                var run = await flow.ImportAsync(delta.RunId);
                return (run, $"created {run.Created:N0}, linked {run.Linked:N0}, updated {run.Updated:N0}, skipped {run.Skipped:N0}");
            });
        }

        await Run(portal.PostgresDatabase is null ? "(c) SQLite insert floor" : "(c) PostgreSQL insert floor", async () =>
        {
            var rows = portal.PostgresDatabase is { } database
                ? await BenchmarkPostgres.InsertRowsAsync(database, listed)
                : await Floors.InsertRowsAsync(portal.DataDirectory, listed);
            return (rows, $"{rows:N0} rows x 15 text columns, one prepared insert, one transaction");
        });

        Print(phases);
        return 0;
    }

    private static string? ArgText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int? ArgValue(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }

    // Ratios: a fetch against download + XML pass; an apply against the raw inserts; the full re-import (fetch + apply) against all three.
    private static void Print(List<Phase> phases)
    {
        TimeSpan Of(string name) => phases.Single(p => p.Name == name).Elapsed;
        var download = Of("(a) download floor") + Of("(b) XmlReader floor");
        var insert = phases.Single(p => p.Name.StartsWith("(c) ", StringComparison.Ordinal)).Elapsed;
        var reimport = Of("(3) re-import: fetch") + Of("(3) re-import: apply");
        var reimportFailed = phases.Any(p => p.Failed && p.Name.StartsWith("(3)", StringComparison.Ordinal));
        var rows = new List<(string Name, TimeSpan Elapsed, string Ratio, long Peak, long Allocated)>();
        foreach (var phase in phases)
        {
            var floor = phase.Name switch
            {
                "(1) fetch" or "(3) re-import: fetch" or "(4) delta re-import: fetch" => download,
                "(2) confirm + apply" or "(3) re-import: apply" or "(4) delta re-import: apply" => insert,
                _ => TimeSpan.Zero,
            };
            var ratio = phase.Failed ? "failed" : floor > TimeSpan.Zero ? $"{phase.Elapsed / floor:0.0}x" : "floor";
            rows.Add((phase.Name, phase.Elapsed, ratio, phase.PeakWorkingSet, phase.Allocated));
        }

        rows.Add(("(3) re-import total", reimport, reimportFailed ? "failed" : $"{reimport / (download + insert):0.0}x", phases.Max(p => p.PeakWorkingSet), 0));
        Console.WriteLine();
        Console.WriteLine("| Phase | Seconds | Ratio to floor | Peak working set (MB) | Allocated (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var allocated = row.Allocated > 0 ? $"{row.Allocated / 1024.0 / 1024.0:N0}" : "";
            Console.WriteLine($"| {row.Name} | {row.Elapsed.TotalSeconds:0.00} | {row.Ratio} | {row.Peak / 1024 / 1024:N0} | {allocated} |");
        }
    }
}
