namespace Portal.Core.Import.Runs;

/// <summary>
/// Fans run progress out to the pages that show it (every open circuit subscribes). It carries live updates only:
/// the run row stays the truth, so a page reads the row first, then subscribes.
/// </summary>
public sealed class ImportProgress
{
    private readonly Lock _gate = new();
    private readonly List<Func<ImportProgressSnapshot, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<ImportProgressSnapshot, Task> onProgress)
    {
        lock (_gate)
        {
            _subscribers.Add(onProgress);
        }

        return new Subscription(this, onProgress);
    }

    public async Task PublishAsync(ImportProgressSnapshot snapshot)
    {
        Func<ImportProgressSnapshot, Task>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber(snapshot);
            }
            catch (Exception)
            {
                // A closed page must never stop a run; the subscriber reports its own errors.
            }
        }
    }

    private void Unsubscribe(Func<ImportProgressSnapshot, Task> onProgress)
    {
        lock (_gate)
        {
            _subscribers.Remove(onProgress);
        }
    }

    private sealed class Subscription(ImportProgress owner, Func<ImportProgressSnapshot, Task> onProgress) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(onProgress);
    }
}
