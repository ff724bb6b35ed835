using System.Diagnostics;

namespace Portal.Benchmarks;

/// <summary>One measured step: wall time, process peak working set after it, and bytes allocated (all threads) during it.</summary>
internal sealed record Phase(string Name, TimeSpan Elapsed, long PeakWorkingSet, long Allocated, string Note, bool Failed = false)
{
    public static async Task<(Phase Phase, T Value)> MeasureAsync<T>(string name, Func<Task<(T Value, string Note)>> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
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
        using var process = Process.GetCurrentProcess();
        return (new Phase(name, clock.Elapsed, process.PeakWorkingSet64, allocated, note, failed), value);
    }
}
