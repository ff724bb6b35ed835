using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Core.Xpm.Connection;

/// <summary>Encrypts tokens at rest with ASP.NET Core Data Protection (the host chooses where the keys live and how they are protected).</summary>
public sealed class XpmTokenProtector(IDataProtectionProvider provider)
{
    /// <summary>What the connection says when its stored tokens can no longer be read.</summary>
    public const string UnreadableReason =
        "The portal can no longer read its stored Xero tokens (its Data Protection keys changed, for example after a redeploy without the key store). Reconnect to Xero Practice Manager.";

    private readonly IDataProtector _protector = provider.CreateProtector("Portal.Xpm.Tokens.v1");

    public string Protect(string value) => _protector.Protect(value);

    public string Unprotect(string value) => _protector.Unprotect(value);

    /// <summary>
    /// Null when the value was protected with keys this portal no longer has (lost on redeploy, or another node's
    /// unshared keys): an expected state that only reconnecting cures, not a bug.
    /// </summary>
    public string? TryUnprotect(string value)
    {
        try
        {
            return _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
