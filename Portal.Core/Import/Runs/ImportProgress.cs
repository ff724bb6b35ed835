namespace Portal.Core.Import.Runs;

/// <summary>
/// Fans run progress out to the pages that show it (every open circuit subscribes). It carries live updates only:
/// the run row stays the truth, so a page reads the row first, then subscribes. With several nodes, what this node
/// publishes is also announced to the others (<see cref="IImportProgressAnnouncer"/>), and what they announce is
/// delivered here by <see cref="ImportProgressListener"/>: subscribers see every node's runs the same way.
/// </summary>
public sealed class ImportProgress(IImportProgressAnnouncer? announcer = null)
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

    public bool HasSubscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count > 0;
            }
        }
    }

    /// <summary>Progress of a run this node works: to this node's pages, and announced to the other nodes.</summary>
    public async Task PublishAsync(ImportProgressSnapshot snapshot)
    {
        await DeliverAsync(snapshot);
        if (announcer is not null)
        {
            await announcer.AnnounceAsync(snapshot);
        }
    }

    /// <summary>Progress to this node's pages only (a run another node works, read from its row).</summary>
    internal async Task DeliverAsync(ImportProgressSnapshot snapshot)
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
