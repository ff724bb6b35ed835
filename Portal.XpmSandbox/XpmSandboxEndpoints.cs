using Microsoft.Extensions.Options;
using Portal.Core.Common;
using Portal.Core.Xpm;

namespace Portal.XpmSandbox;

/// <summary>
/// The XPM and identity URLs the sandbox serves, handed to the portal: this app's own address plus
/// <see cref="XpmSandboxExtensions.PathPrefix"/>. The portal calls them over real HTTP, exactly as it would call Xero.
/// </summary>
internal sealed class XpmSandboxEndpoints(IPortalAddress portal, IOptions<XpmSandboxOptions> options) : IXpmEndpointProvider
{
    public string Name => "the built-in XPM sandbox";

    private Uri Root => new(portal.BaseUri, XpmSandboxExtensions.PathPrefix.TrimStart('/') + "/");

    public Uri ApiBase => new(Root, SandboxApiEndpoints.Prefix.TrimStart('/') + "/");
    public Uri AuthorizeUrl => new(Root, SandboxIdentityEndpoints.AuthorizePath.TrimStart('/'));
    public Uri TokenUrl => new(Root, SandboxIdentityEndpoints.TokenPath.TrimStart('/'));
    public Uri ConnectionsUrl => new(Root, SandboxIdentityEndpoints.ConnectionsPath.TrimStart('/'));
    public Uri RevocationUrl => new(Root, SandboxIdentityEndpoints.RevocationPath.TrimStart('/'));

    public string ClientId => options.Value.ClientId;

    public string? ClientSecret => options.Value.ClientSecret;
}
