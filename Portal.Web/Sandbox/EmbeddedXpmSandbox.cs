using Microsoft.Extensions.Options;
using Portal.Core.Common;
using Portal.Core.Xpm;

namespace Portal.Web.Sandbox;

/// <summary>
/// The embedded sandbox's address: this app's own address plus the sandbox prefix. The portal calls it over
/// real HTTP, exactly as it would call Xero.
/// </summary>
internal sealed class EmbeddedXpmSandbox(IPortalAddress portal, IOptions<XpmSandboxOptions> options) : IEmbeddedXpmSandbox
{
    public Uri BaseUri => new(portal.BaseUri, XpmSandboxExtensions.PathPrefix.TrimStart('/') + "/");

    public string ClientId => options.Value.ClientId;

    public string ClientSecret => options.Value.ClientSecret;
}
