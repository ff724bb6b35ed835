namespace Portal.Core.Xpm.Connection;

/// <summary>
/// One "Connect to Xero Practice Manager" attempt, kept in the database so the callback finds it whatever
/// server or restart handles it. When XPM offers several practices, the tokens wait here for the choice.
/// </summary>
public sealed class XpmAuthorization
{
    public int Id { get; set; }
    public int PracticeId { get; set; }

    /// <summary>The OAuth <c>state</c>: random, single use.</summary>
    public required string State { get; set; }

    public required string ProtectedCodeVerifier { get; set; }
    public required string RedirectUri { get; set; }
    public required string StartedBy { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>Token reply (encrypted JSON) held while the user chooses a practice.</summary>
    public string? ProtectedTokens { get; set; }

    /// <summary>JSON list of the PRACTICEMANAGER tenants offered.</summary>
    public string? TenantsJson { get; set; }
}
