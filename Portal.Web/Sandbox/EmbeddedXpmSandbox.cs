using Microsoft.Extensions.Options;
using Portal.Core.Common;
using Portal.Core.Xpm;

namespace Portal.Web.Sandbox;

/// <summary>
/// The embedded sandbox's address: this app's own address plus the sandbox prefix. The portal calls it over
/// real HTTP, exactly as it would call Xero.
/// </summary>
internal sealed class EmbeddedXpmSandbox(IPortalAddress portal, IOptions<XpmSandboxOptions> options) : IXpmEndpointProvider
{
    public string Name => "the built-in XPM sandbox";

    private Uri Root => new(portal.BaseUri, XpmSandboxExtensions.PathPrefix.TrimStart('/') + "/");

    public Uri ApiBase => new(Root, "api/practicemanager/3.1/");
    public Uri AuthorizeUrl => new(Root, "identity/connect/authorize");
    public Uri TokenUrl => new(Root, "connect/token");
    public Uri ConnectionsUrl => new(Root, "connections");
    public Uri RevocationUrl => new(Root, "connect/revocation");

    public string ClientId => options.Value.ClientId;

    public string? ClientSecret => options.Value.ClientSecret;
}
