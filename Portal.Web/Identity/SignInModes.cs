namespace Portal.Web.Identity;

/// <summary>Which ways of signing in this run of the portal offers.</summary>
public sealed record SignInModes(bool Demo, bool EntraId)
{
    /// <summary>Demo sign-in outside Development: logged as a warning at start and shown as a banner on every page.</summary>
    public bool WarnAboutDemo { get; init; }

    public static SignInModes From(IConfiguration configuration, IHostEnvironment environment)
    {
        var entra = !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);
        var demo = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>()?.DemoSignIn
            ?? (!entra && environment.IsDevelopment());
        return new SignInModes(demo, entra) { WarnAboutDemo = demo && !environment.IsDevelopment() };
    }
}
