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
    [Fact]
    public void Edit_OpensTheDialogWithTheClientsValues()
    {
        var practice = new SandboxPractice(Guid.NewGuid(), "Test", () => SandboxPracticeState.Create([], [new SandboxClient { Uuid = Guid.NewGuid(), Name = "Ana Whitfield", Phone = "021 555 0199" }], [], []), TimeProvider.System);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(Services, practice);
        AddAuthorization().SetAuthorized("Sam");
        var provider = Render<MudDialogProvider>();
        var page = Render<SandboxPage>();

        page.FindAll("button").First(b => b.GetAttribute("aria-label") == "Edit Ana Whitfield").Click();

        provider.WaitForAssertion(() => provider.Markup.ShouldContain("Save in XPM"));
    }
}
