using Bunit;
using Portal.Core.Clients;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Clients;

namespace Portal.Web.Pages.Clients;

public sealed class ClientFormTests : PortalTestContext
{
    private int _submitted;

    private IRenderedComponent<ClientForm> RenderForm(NewClient model) =>
        Render<ClientForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.OnSubmit, () => _submitted++));

    [Fact]
    public void ChoosingEntity_SwapsPersonFieldsForEntityFields()
    {
        var model = new NewClient();
        var form = RenderForm(model);
        form.Markup.ShouldContain("First name");

        form.FindAll("input[type=radio]")[1].Click();

        form.WaitForAssertion(() =>
        {
            model.Kind.ShouldBe(ClientKind.Entity);
            form.Markup.ShouldContain("Entity name");
            form.Markup.ShouldContain("Business structure");
            form.Markup.ShouldNotContain("First name");
        });
    }

    [Fact]
    public void Submit_WithoutAName_ShowsWhyAndDoesNotSave()
    {
        var form = RenderForm(new NewClient { Email = "ana@example.com" });

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.Markup.ShouldContain("Enter a first or last name."));
        _submitted.ShouldBe(0);
    }

    [Fact]
    public void Submit_ValidPerson_RaisesOnSubmit()
    {
        var form = RenderForm(new NewClient { FirstName = "Ana", LastName = "Whitfield", Email = "ana@example.com" });

        form.Find("form").Submit();

        form.WaitForAssertion(() => _submitted.ShouldBe(1));
    }

    [Fact]
    public void Render_WithError_ShowsIt()
    {
        var form = Render<ClientForm>(p => p.Add(f => f.Model, new NewClient()).Add(f => f.Error, "Something is off."));

        form.Find("[data-testid=form-error]").TextContent.ShouldContain("Something is off.");
    }
}
