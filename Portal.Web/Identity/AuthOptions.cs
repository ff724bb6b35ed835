namespace Portal.Web.Identity;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>true: demo sign-in on; false: off; unset: on in Development when Entra ID is not configured.</summary>
    public bool? DemoSignIn { get; set; }
}
