using System.Diagnostics.CodeAnalysis;

namespace Portal.Core.Xpm;

/// <summary>
/// XPM's <c>WebUrl</c> comes from outside the portal. It becomes a link only when it is https on Xero's hosts
/// (<c>xero.com</c> and its subdomains) or on the configured <see cref="XpmOptions.WebHost"/>, so a crafted value
/// (<c>javascript:</c>, <c>data:</c>, another site) is never clickable; callers show anything else as text.
/// </summary>
public static class XpmWebUrl
{
    public static bool TryGetSafeLink(string? webUrl, string? webHost, [NotNullWhen(true)] out Uri? link)
    {
        link = null;
        if (string.IsNullOrWhiteSpace(webUrl)
            || !Uri.TryCreate(webUrl.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || uri.UserInfo.Length > 0)
        {
            return false;
        }

        // IdnHost is lower case and punycode, so look-alike Unicode hosts cannot pass as Xero's.
        var host = uri.IdnHost;
        var trusted = host == "xero.com"
            || host.EndsWith(".xero.com", StringComparison.Ordinal)
            || (!string.IsNullOrWhiteSpace(webHost) && string.Equals(host, webHost.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!trusted)
        {
            return false;
        }

        link = uri;
        return true;
    }
}
