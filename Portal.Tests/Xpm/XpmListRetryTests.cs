using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Core.Common;
using Portal.Core.Xpm;

namespace Portal.Xpm;

/// <summary>Which failed list reads are read again as a whole, how often, and what the caller is told.</summary>
public sealed class XpmListRetryTests
{
    private static readonly XpmMalformedResponseError Truncated =
        new("the reply ended after 4,096 bytes, before its XML was complete (Unexpected end of file has occurred)") { CutOff = true };

    private static XpmListRetry Retry(int maxRetryAttempts = 3) =>
        new(Options.Create(new XpmOptions { MaxRetryAttempts = maxRetryAttempts, RetryDelay = TimeSpan.Zero }), TimeProvider.System, NullLogger<XpmListRetry>.Instance);

    [Fact]
    public async Task ReadAsync_CutOffOnce_ReadsAgainAndSucceeds()
    {
        var tries = new List<int>();

        var error = await Retry().ReadAsync("client list", (attempt, _) =>
        {
            tries.Add(attempt);
            return ValueTask.FromResult<Error?>(attempt == 1 ? Truncated : null);
        }, TestContext.Current.CancellationToken);

        error.ShouldBeNull();
        tries.ShouldBe([1, 2]);
    }

    [Fact]
    public async Task ReadAsync_CutOffEveryTime_GivesUpAfterTheRetriesSayingHowManyTries()
    {
        var tries = 0;
        var lostConnection = new XpmUnavailableError("the connection broke while reading XPM's reply after 1,234 bytes (reset)") { CutOff = true };

        var error = await Retry().ReadAsync("client list", (_, _) =>
        {
            tries++;
            return ValueTask.FromResult<Error?>(tries % 2 == 0 ? lostConnection : Truncated);
        }, TestContext.Current.CancellationToken);

        tries.ShouldBe(4);
        var incomplete = error.ShouldBeOfType<XpmListIncompleteError>();
        (incomplete.Tries, incomplete.LastError).ShouldBe((4, (Error)lostConnection));
        incomplete.Message.ShouldBe(
            "XPM is unavailable: the connection broke while reading XPM's reply after 1,234 bytes (reset). Gave up on the client list after 4 tries.");
    }

    [Fact]
    public async Task ReadAsync_NoRetriesConfigured_TriesOnceAndSaysSo()
    {
        var error = await Retry(maxRetryAttempts: 0).ReadAsync("staff list", (_, _) => ValueTask.FromResult<Error?>(Truncated), TestContext.Current.CancellationToken);

        error.ShouldBeOfType<XpmListIncompleteError>().Message.ShouldEndWith(". Gave up on the staff list after 1 try.");
    }

    public static TheoryData<Error> NotWorthRepeating() =>
    [
        new XpmMalformedResponseError("malformed XML at line 1, position 62: 'unquoted' is an unexpected token."),
        new XpmMalformedResponseError("the reply declares a DTD (<!DOCTYPE …>), which XPM never sends; it was refused so that entity expansion cannot be abused"),
        new XpmResponseTooLargeError(16_384),
        new XpmApplicationError("The practice is being upgraded"),
        new XpmUnavailableError("HTTP 503 Service Unavailable after retrying"),
        new XpmUnauthorizedError("AuthenticationUnsuccessful"),
    ];

    [Theory]
    [MemberData(nameof(NotWorthRepeating))]
    public async Task ReadAsync_FailureARepeatCannotMend_IsReturnedAsItIsAfterOneTry(Error failure)
    {
        var tries = 0;

        var error = await Retry().ReadAsync("client list", (_, _) =>
        {
            tries++;
            return ValueTask.FromResult<Error?>(failure);
        }, TestContext.Current.CancellationToken);

        (tries, error).ShouldBe((1, failure));
    }
}
