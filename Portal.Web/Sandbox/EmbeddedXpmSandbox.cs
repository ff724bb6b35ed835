using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Core.Xpm;

namespace Portal.Web.Sandbox;

/// <summary>
/// The embedded sandbox's address: this app's own first listening address. The portal calls it over real HTTP,
/// exactly as it would call Xero.
/// </summary>
internal sealed class EmbeddedXpmSandbox(IServer server, IOptions<XpmSandboxOptions> options) : IEmbeddedXpmSandbox
{
    public Uri BaseUri
    {
        get
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("The server has no addresses yet.");
            var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.First();
            // A wildcard binding (http://0.0.0.0:5228, http://[::]:5228, http://+:5228) is reached on loopback.
            var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = "localhost";
            }

            uri.Path = XpmSandboxExtensions.PathPrefix.TrimStart('/') + "/";
            return uri.Uri;
        }
    }

    public string ClientId => options.Value.ClientId;

    public string ClientSecret => options.Value.ClientSecret;
}
