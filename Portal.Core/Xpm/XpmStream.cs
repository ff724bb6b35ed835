namespace Portal.Core.Xpm;

/// <summary>
/// A list reply from XPM, read item by item while it downloads, so 50,000 clients never sit in memory at once.
/// </summary>
/// <remarks>
/// <para>
/// Errors XPM reports before the first item (HTTP status, gateway JSON, <c>&lt;Status&gt;ERROR</c>, a non-XML body)
/// arrive as the failed <c>Result</c> that would have carried the stream. Once you hold a stream, a reply that breaks
/// part-way (truncated or malformed XML, a lost connection, the size cap, the read deadline) throws
/// <see cref="XpmException"/> from the enumeration, carrying the same kind of <see cref="Common.Error"/>.
/// </para>
/// <para>
/// Enumerate once. The stream holds one of the tenant's concurrent-request slots until it is finished or disposed:
/// use <c>await using</c>, or enumerate to the end (which disposes it).
/// </para>
/// </remarks>
public sealed class XpmStream<T> : IAsyncEnumerable<T>, IAsyncDisposable
{
    private readonly XpmListCursor<T> _cursor;
    private readonly XpmReplyScope _scope;
    private int _enumerated;
    private int _disposed;

    internal XpmStream(XpmListCursor<T> cursor, XpmReplyScope scope)
    {
        _cursor = cursor;
        _scope = scope;
    }

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException("An XpmStream can be enumerated only once; ask the XPM client again for a fresh list.");
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _scope.Token);
        try
        {
            while (true)
            {
                var (hasItem, item) = await _cursor.MoveNextAsync(_scope, linked.Token).ConfigureAwait(false);
                if (!hasItem)
                {
                    yield break;
                }

                yield return item!;
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cursor.Dispose();
            _scope.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
