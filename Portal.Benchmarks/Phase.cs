using System.Diagnostics;

namespace Portal.Benchmarks;

/// <summary>
/// One measured step: wall time, CPU time of the whole process (less sensitive than wall time to other work on a shared
/// machine, but it includes the in-process sandbox writing its XML), the process's peak working set while it ran (sampled every 10 ms) and bytes allocated
/// on all threads during it.
/// </summary>
/// JIT and GC pause time say how much of a phase was start-up compilation and collection rather than the work itself.
internal sealed record Phase(string Name, TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Jit, TimeSpan GcPause, long PeakWorkingSet, long Allocated, string Note, bool Failed = false)
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
        return (new Phase(name, clock.Elapsed, process.TotalProcessorTime - cpuBefore, jit, pause, sampler.Peak, allocated, note, failed), value);
    }

    /// <summary>
    /// <see cref="Process.PeakWorkingSet64"/> is a high-water mark for the whole process life, so it cannot say which phase
    /// needed the memory: a dedicated thread samples <see cref="Environment.WorkingSet"/> instead (cheap: /proc/self/statm).
    /// </summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak = Environment.WorkingSet;

        public PeakSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    var now = Environment.WorkingSet;
                    if (now > Interlocked.Read(ref _peak))
                    {
                        Interlocked.Exchange(ref _peak, now);
                    }

                    Thread.Sleep(10);
                }
            }) { IsBackground = true, Name = "peak working set" };
            _thread.Start();
        }

        public long Peak => Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet);

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
