using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Portal.Core.Import.Runs;

/// <summary>
/// Wakes the worker when a run is queued, and trips a running run's cancellation. The queue itself is the
/// database (<see cref="ImportRun"/> rows): nothing here needs to survive a restart.
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public void Wake() => _wake.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Woken by the timeout: look for queued runs anyway.
        }
    }

    internal CancellationTokenSource Track(int runId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[runId] = source;
        return source;
    }

    internal void Untrack(int runId) => _running.TryRemove(runId, out _);

    public void Cancel(int runId)
    {
        if (_running.TryGetValue(runId, out var source))
        {
            source.Cancel();
        }
    }
}
