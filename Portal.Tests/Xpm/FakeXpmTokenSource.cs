using Portal.Core.Common;
using Portal.Core.Xpm;

namespace Portal.Xpm;

/// <summary>Hands out "token-1"; a refresh moves to "token-2", "token-3"… unless told to fail.</summary>
internal sealed class FakeXpmTokenSource : IXpmTokenSource
{
    public const string TenantId = "b1f8c9a2-0d3e-4f5a-8b6c-7d8e9f0a1b2c";

    private int _version = 1;

    public Error? RefreshError { get; set; }
    public Error? TokenError { get; set; }
    public List<string> RefreshedAfter { get; } = [];
    public List<string> Refused { get; } = [];

    public Task<Result<XpmAccessToken>> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        Task.FromResult(TokenError is { } error
            ? Result<XpmAccessToken>.Failure(error)
            : new XpmAccessToken($"token-{Volatile.Read(ref _version)}", TenantId));

    public Task<Result<XpmAccessToken>> RefreshAfterUnauthorizedAsync(string rejectedAccessToken, CancellationToken cancellationToken)
    {
        lock (RefreshedAfter)
        {
            RefreshedAfter.Add(rejectedAccessToken);
        }

        if (RefreshError is { } error)
        {
            return Task.FromResult(Result<XpmAccessToken>.Failure(error));
        }

        var version = Interlocked.Increment(ref _version);
        return Task.FromResult(Result<XpmAccessToken>.Success(new XpmAccessToken($"token-{version}", TenantId)));
    }

    public Task ReportRefusedAsync(string rejectedAccessToken, string reason, CancellationToken cancellationToken)
    {
        lock (Refused)
        {
            Refused.Add(rejectedAccessToken);
        }

        return Task.CompletedTask;
    }
}
