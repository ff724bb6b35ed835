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

    public static TheoryData<string, NewClient, string> InvalidInput() => new()
    {
        { "empty name", new NewClient { FirstName = "", LastName = "" }, "Enter a first or last name." },
        { "blank name", new NewClient { FirstName = "   ", LastName = "\t" }, "Enter a first or last name." },
        { "first name too long", new NewClient { FirstName = new string('a', 101) }, "First name can be at most 100 characters." },
        { "street too long", new NewClient { FirstName = "Ana", Street = new string('a', 501) }, "Street address can be at most 500 characters." },
        { "post code too long", new NewClient { FirstName = "Ana", PostCode = new string('1', 21) }, "Post code can be at most 20 characters." },
        { "email too long", new NewClient { FirstName = "Ana", Email = new string('a', 310) + "@example.com" }, "Email can be at most 320 characters." },
        { "email without @", new NewClient { FirstName = "Ana", Email = "ana.example.com" }, "Enter a valid email address, like name@example.com." },
        { "email with a space", new NewClient { FirstName = "Ana", Email = "ana @example.com" }, "Enter a valid email address, like name@example.com." },
        { "email without a domain", new NewClient { FirstName = "Ana", Email = "ana@example" }, "Enter a valid email address, like name@example.com." },
        { "email with two @", new NewClient { FirstName = "Ana", Email = "ana@x@example.com" }, "Enter a valid email address, like name@example.com." },
        { "phone with letters", new NewClient { FirstName = "Ana", Phone = "call me maybe" }, "Enter a valid phone number (digits, spaces, + - ( ) only)." },
        { "mobile with letters", new NewClient { FirstName = "Ana", Mobile = "=1+1" }, "Enter a valid mobile number (digits, spaces, + - ( ) only)." },
        { "control character", new NewClient { FirstName = "Ana\u0000", LastName = "Whitfield" }, "First name contains characters that are not allowed." },
        { "bidi override", new NewClient { FirstName = "Ana", City = "Auck\u202Eland" }, "City contains characters that are not allowed." },
        { "future date of birth", new NewClient { FirstName = "Ana", DateOfBirth = DateTime.UtcNow.AddDays(2) }, "Date of birth cannot be in the future." },
        { "entity without name", new NewClient { Kind = ClientKind.Entity, BusinessStructure = "Company" }, "Enter the entity's name." },
        { "entity without structure", new NewClient { Kind = ClientKind.Entity, EntityName = "Kowhai Ridge Orchards Ltd" }, "Choose a business structure." },
        { "entity with an unlisted structure", new NewClient { Kind = ClientKind.Entity, EntityName = "Kowhai Ltd", BusinessStructure = "<b>Pirate ship</b>" }, "Choose a business structure from the list." },
    };

    [Theory]
    [MemberData(nameof(InvalidInput))]
    public void Submit_InvalidInput_ShowsAClearMessageAndDoesNotSave(string why, NewClient model, string message)
    {
        var form = RenderForm(model);

        form.Find("form").Submit();

        form.WaitForAssertion(() => form.FindAll("li.validation-message").Select(e => e.TextContent).ShouldContain(message, customMessage: why));
        _submitted.ShouldBe(0);
    }

    [Fact]
    public void Typing_ATooLongFirstName_ShowsTheLimitUnderTheField()
    {
        var form = RenderForm(new NewClient { LastName = "Whitfield" });

        form.FindAll("input")[2].Change(new string('a', 101));
        form.Find("form").Submit();

        form.WaitForAssertion(() => form.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent)
            .ShouldContain("First name can be at most 100 characters."));
        _submitted.ShouldBe(0);
    }

    [Theory]
    [InlineData("o'brien+tax@mail.example.co.nz")]
    [InlineData("ana.whitfield@example.com")]
    public void Submit_OrdinaryEmail_IsAccepted(string email)
    {
        var form = RenderForm(new NewClient { FirstName = "Ana", Email = email, Street = "12 Harbour View Road\nLevel 2" });

        form.Find("form").Submit();

        form.WaitForAssertion(() => _submitted.ShouldBe(1));
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
