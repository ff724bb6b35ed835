namespace Portal.Core.Xpm;

/// <summary>
/// What one reply being read holds on to: the HTTP response (whose disposal also returns the tenant's concurrency
/// slot), the request, and the body-read deadline. Disposed when the reply has been read or abandoned.
/// </summary>
internal sealed class XpmReplyScope : IDisposable
{
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenSource? _linked;
    private readonly IDisposable[] _owned;
    private int _disposed;

    public XpmReplyScope(CancellationToken callerToken, TimeSpan? readTimeout, TimeProvider time, params IDisposable[] owned)
    {
        _callerToken = callerToken;
        _owned = owned;
        ReadTimeout = readTimeout;
        if (readTimeout is { } timeout)
        {
            _deadline = new CancellationTokenSource(timeout, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _deadline.Token);
        }

        Token = _linked?.Token ?? callerToken;
    }

    /// <summary>Cancelled when the caller cancels or the read deadline passes.</summary>
    public CancellationToken Token { get; }

    public TimeSpan? ReadTimeout { get; }

    /// <summary>True when a cancellation came from the deadline rather than from the caller.</summary>
    public bool TimedOut => _deadline?.IsCancellationRequested == true && !_callerToken.IsCancellationRequested;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _linked?.Dispose();
        _deadline?.Dispose();
    }
}
