using Microsoft.Extensions.Options;

namespace Portal.Core.Xpm;

/// <summary>
/// The URLs and app credentials the portal uses for XPM and Xero identity: the configured ones, or, when
/// Xpm:ApiBaseUrl is empty, the embedded sandbox's on the app's own host. Resolved at call time because the
/// app's own address is known only once the server listens.
/// </summary>
public sealed class XpmEndpoints(IOptions<XpmOptions> options, IEmbeddedXpmSandbox? sandbox = null)
{
    private XpmOptions Options => options.Value;

    public bool UsesSandbox => string.IsNullOrWhiteSpace(Options.ApiBaseUrl);

    public Uri ApiBase => WithSlash(Pick(Options.ApiBaseUrl, "api/practicemanager/3.1/"));
    public Uri AuthorizeUrl => Pick(Options.AuthorizeUrl, "identity/connect/authorize");
    public Uri TokenUrl => Pick(Options.TokenUrl, "connect/token");
    public Uri ConnectionsUrl => Pick(Options.ConnectionsUrl, "connections");
    public Uri RevocationUrl => Pick(Options.RevocationUrl, "connect/revocation");

    public string ClientId => !string.IsNullOrWhiteSpace(Options.ClientId) ? Options.ClientId : Sandbox.ClientId;

    public string? ClientSecret => !string.IsNullOrWhiteSpace(Options.ClientSecret) ? Options.ClientSecret
        : string.IsNullOrWhiteSpace(Options.ClientId) && UsesSandbox ? Sandbox.ClientSecret : null;

    public string Scopes => Options.Scopes;

    public string CallbackPath => Options.CallbackPath;

    private IEmbeddedXpmSandbox Sandbox => sandbox
        ?? throw new InvalidOperationException("Xpm:ApiBaseUrl is empty and the embedded XPM sandbox is off: configure the Xpm:* URLs.");

    private Uri Pick(string? configured, string sandboxPath) =>
        !string.IsNullOrWhiteSpace(configured) && !UsesSandbox ? new Uri(configured)
        : UsesSandbox ? new Uri(Sandbox.BaseUri, sandboxPath)
        : throw new InvalidOperationException($"Xpm:ApiBaseUrl is set, so the other Xpm URLs must be too (missing for {sandboxPath}).");

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
