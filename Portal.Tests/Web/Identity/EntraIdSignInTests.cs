using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Infrastructure;

namespace Portal.Web.Identity;

/// <summary>The Entra ID tenant rules and claim mapping, exercised directly: no network, no real tenant.</summary>
public sealed class EntraIdSignInTests : IAsyncLifetime
{
    private const string OurTenant = "7d1e6c43-5f0b-4f52-9a3e-2b9c1d0e8f11";
    private const string PartnerTenant = "0c4a9b2e-3d6f-4e8a-b1c7-5f2d9e0a6b34";
    private const string OtherTenant = "f3b8a1d2-9c4e-4b7f-8a6d-1e0c5b2f9a77";

    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.CreateDbContext();
        db.Clients.Add(new Client { PracticeId = _db.PracticeId, Name = "Ana Whitfield", Email = "ana@example.com" });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private static List<ValidationResult> Validate(EntraIdOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    private static ClaimsPrincipal Token(string tenant, string role, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(
            claims.Select(c => new Claim(c.Type, c.Value)).Append(new Claim("tid", tenant)).Append(new Claim("roles", role)),
            "AuthenticationTypes.Federation"));

    private Task<Portal.Core.Common.Result<PortalUser>> MapAsync(ClaimsPrincipal token, EntraIdOptions? options = null) =>
        EntraIdSignIn.MapAsync(token, options ?? new EntraIdOptions { TenantId = OurTenant }, new PortalUserDirectory(_db), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    [InlineData("Consumers")]
    public void Validate_MultiTenantAuthorityWithoutAllowedTenants_IsRefusedWithAClearMessage(string tenantId)
    {
        var results = Validate(new EntraIdOptions { TenantId = tenantId });

        results.ShouldHaveSingleItem().ErrorMessage!.ShouldContain("lets users of any Microsoft Entra tenant sign in");
        results[0].ErrorMessage!.ShouldContain("AzureAd:AllowedTenantIds");
    }

    [Fact]
    public void Validate_MultiTenantAuthorityWithAllowedTenants_IsAccepted() =>
        Validate(new EntraIdOptions { TenantId = "organizations", AllowedTenantIds = [OurTenant, PartnerTenant] }).ShouldBeEmpty();

    [Theory]
    [InlineData(OurTenant)]
    [InlineData("harbourside.onmicrosoft.com")]
    public void Validate_SingleTenantAuthority_IsAccepted(string tenantId) =>
        Validate(new EntraIdOptions { TenantId = tenantId }).ShouldBeEmpty();

    [Fact]
    public void Validate_AllowedTenantThatIsNotAGuid_IsRefused() =>
        Validate(new EntraIdOptions { TenantId = "common", AllowedTenantIds = ["contoso.com"] })
            .ShouldHaveSingleItem().ErrorMessage!.ShouldContain("'contoso.com', which is not a tenant id");

    [Fact]
    public void Validate_NoTenant_IsRefused() =>
        Validate(new EntraIdOptions()).ShouldHaveSingleItem().ErrorMessage!.ShouldContain("AzureAd:TenantId is required");

    [Fact]
    public async Task Start_EntraIdWithCommonAuthority_StopsWithTheReason()
    {
        await using var app = new PortalAppFactory { Settings = { ["AzureAd:ClientId"] = "portal-app", ["AzureAd:TenantId"] = "common" } };

        var thrown = Should.Throw<OptionsValidationException>(() => app.CreateClient());

        thrown.Message.ShouldContain("AzureAd:TenantId is 'common'");
    }

    [Theory]
    [InlineData(OurTenant, true)]
    [InlineData(PartnerTenant, true)]
    [InlineData(OtherTenant, false)]
    [InlineData("", false)]
    public void IsAllowedTenant_MultiTenantWithList_OnlyListedTenants(string tid, bool expected) =>
        new EntraIdOptions { TenantId = "organizations", AllowedTenantIds = [OurTenant, PartnerTenant] }.IsAllowedTenant(tid).ShouldBe(expected);

    [Fact]
    public async Task MapAsync_TokenFromATenantNotListed_IsRefused()
    {
        var options = new EntraIdOptions { TenantId = "organizations", AllowedTenantIds = [OurTenant] };

        var user = await MapAsync(Token(OtherTenant, "Staff", ("email", "sam@other.example"), ("xms_edov", "true")), options);

        user.Error.ShouldBeOfType<TenantNotAllowedError>();
    }

    [Fact]
    public async Task MapAsync_TokenFromAnotherTenantThanTheConfiguredOne_IsRefused()
    {
        var user = await MapAsync(Token(OtherTenant, "Client", ("verified_primary_email", "ana@example.com")));

        user.Error.ShouldBeOfType<TenantNotAllowedError>();
    }

    [Theory]
    [InlineData("verified_primary_email", "ana@example.com", null)]
    [InlineData("email", "ana@example.com", "true")]
    [InlineData("email", "ANA@example.com", "1")]
    public async Task MapAsync_ClientWithAVerifiedEmail_IsMatchedToThatClient(string claim, string email, string? edov)
    {
        var claims = edov is null ? new[] { (claim, email) } : [(claim, email), ("xms_edov", edov)];

        var user = await MapAsync(Token(OurTenant, "Client", claims));

        user.Value!.Name.ShouldBe("Ana Whitfield");
        user.Value.ClientId.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("preferred_username", "ana@example.com", null)]
    [InlineData("email", "ana@example.com", null)]
    [InlineData("email", "ana@example.com", "false")]
    [InlineData("upn", "ana@example.com", null)]
    public async Task MapAsync_ClientWithoutAVerifiedEmail_IsRefused(string claim, string email, string? edov)
    {
        var claims = edov is null ? new[] { (claim, email) } : [(claim, email), ("xms_edov", edov)];

        var user = await MapAsync(Token(OurTenant, "Client", claims));

        user.Error.ShouldBeOfType<NoVerifiedEmailError>();
    }

    [Fact]
    public async Task MapAsync_NoPortalRole_IsRefused()
    {
        var user = await MapAsync(Token(OurTenant, "Reader", ("verified_primary_email", "ana@example.com")));

        user.Error.ShouldBeOfType<UnknownRoleError>();
    }
}
