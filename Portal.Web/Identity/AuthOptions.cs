using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Identity;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>true: demo sign-in on; false: off; unset: on in Development when Entra ID is not configured.</summary>
    public bool? DemoSignIn { get; set; }

    /// <summary>
    /// How often a signed-in user is checked against the portal's records (archived or changed client, removed staff
    /// member, changed role): by the cookie on the next request and by an open page's circuit. Zero: every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RevalidateInterval { get; set; } = TimeSpan.FromMinutes(5);
}
