using Portal.Core.Import.Runs;

namespace Portal.Import.Faults;

/// <summary>
/// Replies no real XPM sends, served by the sandbox over HTTP to a real fetch: each is refused with a clear run error,
/// before or while streaming, and nothing is written (no staged row, no portal record).
/// </summary>
public sealed class HostileReplyFetchTests
{
    private const string DtdRefused =
        "XPM sent a reply the portal cannot read: the reply declares a DTD (<!DOCTYPE …>), which XPM never sends; it was refused so that entity expansion cannot be abused.";

    [Theory]
    [InlineData(SandboxFaultKind.Dtd)]
    [InlineData(SandboxFaultKind.ExternalEntity)]
    [InlineData(SandboxFaultKind.EntityExpansion)]
    public async Task Fetch_ReplyWithADtd_IsRefusedAndWritesNothing(SandboxFaultKind kind)
    {
        await using var portal = await FaultPortal.StartAsync();
        portal.Faults.InjectNext(kind, 1, "client.api/list");

        var fetch = await portal.FetchAsync();

        (fetch.Status, fetch.Error).ShouldBe((ImportRunStatus.Failed, DtdRefused));
        await portal.ShouldHaveWrittenNothingAsync();
    }

    [Fact]
    public async Task Fetch_StaffListWithEntityExpansion_IsRefusedBeforeAnyClientIsAskedFor()
    {
        await using var portal = await FaultPortal.StartAsync();
        portal.Faults.InjectNext(SandboxFaultKind.EntityExpansion, 1, "staff.api/list");

        var fetch = await portal.FetchAsync();

        (fetch.Status, fetch.Error).ShouldBe((ImportRunStatus.Failed, DtdRefused));
        await portal.ShouldHaveWrittenNothingAsync();
    }

    [Fact]
    public async Task Fetch_ReplyNestedTenThousandDeep_IsRefusedAndWritesNothing()
    {
        await using var portal = await FaultPortal.StartAsync();
        portal.Faults.InjectNext(SandboxFaultKind.DeepNesting, 1, "client.api/list");

        var fetch = await portal.FetchAsync();

        (fetch.Status, fetch.Error).ShouldBe((ImportRunStatus.Failed,
            "XPM sent a reply the portal cannot read: its elements nest more than 32 deep (at <Note>), far deeper than any XPM reply; it was refused."));
        await portal.ShouldHaveWrittenNothingAsync();
    }

    [Fact]
    public async Task Fetch_ReplyLargerThanMaxResponseBytes_IsRefusedAndWritesNothing()
    {
        // The staff list (25 staff) fits; the detailed list of 60 clients does not.
        await using var portal = await FaultPortal.StartAsync(new Dictionary<string, string?> { ["Xpm:MaxResponseBytes"] = "16384" });

        var fetch = await portal.FetchAsync();

        (fetch.Status, fetch.Error).ShouldBe((ImportRunStatus.Failed,
            "XPM's reply is larger than the configured limit of 16,384 bytes (Xpm:MaxResponseBytes)."));
        await portal.ShouldHaveWrittenNothingAsync();
    }
}
