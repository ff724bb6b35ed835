using System.Security.Cryptography;

namespace Portal.Web.Security;

/// <summary>
/// The portal's Content-Security-Policy. Scripts: our own files plus the import map Blazor writes inline, which carries
/// this response's nonce (no <c>unsafe-inline</c>, no <c>unsafe-eval</c>: blazor.web.js and MudBlazor need neither).
/// Styles: <c>unsafe-inline</c>, because MudBlazor writes style attributes and its theme as a style element. The
/// circuit's WebSocket is same-origin, which <c>connect-src 'self'</c> covers.
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly object NonceKey = new();

    /// <summary>This response's script nonce, for the inline scripts the portal writes itself.</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    /// <param name="nonce">the response's script nonce</param>
    /// <param name="formTargets">origins besides the portal's that a form may post or redirect to (Entra ID's sign-out)</param>
    public static string Build(string nonce, IEnumerable<string> formTargets) =>
        string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            string.Join(' ', ["form-action 'self'", .. formTargets]),
            "frame-ancestors 'none'");
}
