using Microsoft.Extensions.Options;
using Portal.Core.Common;
using Portal.Core.Xpm;

namespace Portal.XpmSandbox;

/// <summary>
/// The redirect URIs registered for the sandbox's one app, as a Xero app registers them: <see cref="XpmSandboxOptions.RedirectUris"/>
/// (absolute, or relative to the app's own address), by default the portal's own callback (the app's address plus
/// <c>Xpm:CallbackPath</c>). A redirect URI must equal one of them exactly, as at Xero.
/// </summary>
internal sealed class SandboxRedirectUris(IPortalAddress portal, IOptions<XpmSandboxOptions> options, IOptions<XpmOptions> xpm)
{
    /// <summary>Resolved per call: the app's own address is known only once the server listens.</summary>
    public IReadOnlyList<string> Registered =>
        [.. (options.Value.RedirectUris is { Count: > 0 } configured ? configured : [xpm.Value.CallbackPath])
            .Select(uri => Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
                ? absolute.AbsoluteUri
                : new Uri(portal.BaseUri, uri.TrimStart('/')).AbsoluteUri)];

    public bool IsRegistered(string? redirectUri) => redirectUri is not null && Registered.Contains(redirectUri, StringComparer.Ordinal);
}
