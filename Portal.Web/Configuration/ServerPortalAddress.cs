using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portal.Core.Common;

namespace Portal.Web.Configuration;

/// <summary>
/// <c>Portal:BaseUrl</c> when configured (behind a proxy, the address users see); otherwise the server's first
/// listening address, with a wildcard binding (0.0.0.0, [::], +, *) reached on localhost.
/// </summary>
internal sealed class ServerPortalAddress(IServer server, IConfiguration configuration) : IPortalAddress
{
    public Uri BaseUri
    {
        get
        {
            if (configuration["Portal:BaseUrl"] is { Length: > 0 } configured)
            {
                return new Uri(configured.EndsWith('/') ? configured : configured + "/");
            }

            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            // An in-memory test server has no address: links then point at localhost.
            var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault()
                ?? "http://localhost/";
            var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost")) { Path = "/" };
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = "localhost";
            }

            return uri.Uri;
        }
    }
}
