using Bunit;
using MudBlazor;
using Portal.Infrastructure;

namespace Portal.XpmSandbox.Pages;

public sealed class SandboxClientDialogTests : PortalTestContext
{
    [Fact]
    public async Task Save_ValidChange_ClosesWithTheEditedModel()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetService(typeof(IDialogService)) as IDialogService;
        var model = new SandboxClientEdit { Name = "Ana Whitfield", Phone = "021 555 0199" };

        var reference = await provider.InvokeAsync(() => dialogs!.ShowAsync<SandboxClientDialog>("Edit", new DialogParameters<SandboxClientDialog> { { d => d.Model, model } }));
        provider.WaitForAssertion(() => provider.Markup.ShouldContain("Save in XPM"));
        provider.FindAll("input").First(i => i.GetAttribute("value") == "021 555 0199").Change("06 555 0777");
        provider.Find("form").Submit();
        var result = await reference.Result;

        result!.Canceled.ShouldBeFalse();
        model.Phone.ShouldBe("06 555 0777");
    }
}

public sealed class SandboxPageTests : PortalTestContext
{
    private readonly SandboxWriteLog _writes = new(TimeProvider.System);
    private readonly SandboxFaults _faults = new(Microsoft.Extensions.Options.Options.Create(new XpmSandboxOptions()));

    public SandboxPageTests()
    {
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(Services, _writes);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(Services, _faults);
    }

    [Fact]
    public void Writes_AWriteArrivesFromThePortal_ShowsWithTheFieldsSent()
    {
        AddPractice();
        var page = Render<SandboxPage>();

        _writes.Record("client.api/update", "Ana Whitfield", System.Xml.Linq.XElement.Parse("<Client><UUID>x</UUID><Email>ana.w@example.com</Email></Client>"));

        page.WaitForAssertion(() => page.Find("[data-testid=sandbox-writes]").TextContent.ShouldContain("Email: ana.w@example.com"));
        page.Find("[data-testid=sandbox-writes]").TextContent.ShouldContain("client.api/update");
        page.Find("[data-testid=sandbox-writes]").TextContent.ShouldNotContain("UUID");
    }

    [Fact]
    public void RefuseTheNextUpdate_QueuesAnErrorReplyForClientUpdatesOnly()
    {
        AddPractice();
        Render<MudPopoverProvider>();
        var page = Render<SandboxPage>();
        var before = _faults.Pending;

        page.FindAll("button").First(b => b.TextContent.Contains("Refuse the next update")).Click();

        // The click reaches the handler through the renderer's dispatcher, which on a loaded machine may still be busy
        // with the first render's async work when Click returns (CI once read the count before the handler ran).
        page.WaitForAssertion(() => _faults.Pending.ShouldBe(before + 1));
        _faults.TakeNext("client.api/list").ShouldBeNull();
        _faults.TakeNext("client.api/update").ShouldBe(SandboxFaultKind.ErrorReply);
    }

    private void AddPractice()
    {
        var practice = new SandboxPractice(Guid.NewGuid(), "Test", () => SandboxPracticeState.Create([], [new SandboxClient { Uuid = Guid.NewGuid(), Name = "Ana Whitfield", Phone = "021 555 0199" }], [], []), TimeProvider.System);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(Services, practice);
        AddAuthorization().SetAuthorized("Sam");
    }

    [Fact]
    public void Edit_OpensTheDialogWithTheClientsValues()
    {
        AddPractice();
        var provider = Render<MudDialogProvider>();
        var page = Render<SandboxPage>();

        page.FindAll("button").First(b => b.GetAttribute("aria-label") == "Edit Ana Whitfield").Click();

        provider.WaitForAssertion(() => provider.Markup.ShouldContain("Save in XPM"));
    }
}
