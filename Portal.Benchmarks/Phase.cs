using System.Diagnostics;

namespace Portal.Benchmarks;

/// <summary>
/// One measured step: wall time, CPU time of the whole process (less sensitive than wall time to other work on a shared
/// machine, but it includes the in-process sandbox writing its XML), the process's peak working set while it ran (sampled every 10 ms) and bytes allocated
/// on all threads during it.
/// </summary>
/// JIT and GC pause time say how much of a phase was start-up compilation and collection rather than the work itself.
/// The working set counts the database file's pages SQLite reads through its memory map (shared, reclaimable page cache, as
/// read() fills it without counting it), so the private peak (<see cref="PrivateMemory"/>) is what the process itself holds.
internal sealed record Phase(string Name, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Jit, TimeSpan GcPause, long PeakWorkingSet, long PeakPrivate, long Allocated, string Note, bool Failed = false)
{
    public static async Task<(Phase Phase, T Value)> MeasureAsync<T>(string name, Func<Task<(T Value, string Note)>> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var pauseBefore = GC.GetTotalPauseDuration();
        using var sampler = new PeakSampler();
        var clock = Stopwatch.StartNew();
        T value;
        string note;
        var failed = false;
        try
        {
            (value, note) = await body();
        }
        catch (InvalidOperationException error)
        {
            // A refused or failed run is a finding, not a reason to lose the other phases' numbers.
            (value, note, failed) = (default!, "FAILED: " + error.Message, true);
        }

        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        return (new Phase(name, clock.Elapsed, process.TotalProcessorTime - cpuBefore, jit, pause, sampler.Peak, sampler.PeakPrivate, allocated, note, failed), value);
    }

    /// <summary>
    /// The process's private resident memory: anonymous pages (managed heap, native allocations, SQLite's page cache), not
    /// file pages mapped in (the app's images, the database file). Linux's <c>RssAnon</c> (/proc/self/status); elsewhere
    /// the working set.
    /// </summary>
    public static long PrivateMemory()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                {
                    return long.Parse(line["RssAnon:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return Environment.WorkingSet;
    }

    /// <summary>
    /// <see cref="Process.PeakWorkingSet64"/> is a high-water mark for the whole process life, so it cannot say which phase
    /// needed the memory: a dedicated thread samples <see cref="Environment.WorkingSet"/> (cheap: /proc/self/statm) and
    /// <see cref="PrivateMemory"/> instead.
    /// </summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak = Environment.WorkingSet;
        private long _peakPrivate = PrivateMemory();

        public PeakSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    Raise(ref _peak, Environment.WorkingSet);
                    Raise(ref _peakPrivate, PrivateMemory());
                    Thread.Sleep(10);
                }
            }) { IsBackground = true, Name = "peak working set" };
            _thread.Start();
        }

        public long Peak => Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet);

        public long PeakPrivate => Math.Max(Interlocked.Read(ref _peakPrivate), PrivateMemory());

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }

        private static void Raise(ref long peak, long now)
        {
            if (now > Interlocked.Read(ref peak))
            {
                Interlocked.Exchange(ref peak, now);
            }
        }
    }
}
