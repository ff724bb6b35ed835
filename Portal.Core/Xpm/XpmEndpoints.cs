using Microsoft.Extensions.Options;

namespace Portal.Core.Xpm;

/// <summary>
/// The URLs and app credentials the portal uses for XPM and Xero identity: the configured ones when
/// <c>Xpm:ApiBaseUrl</c> is set, else those of an <see cref="IXpmEndpointProvider"/> the host registered, else none
/// (<see cref="IsConfigured"/> false: the app still starts, and the Manage page says what to set).
/// Resolved at call time because a host-provided XPM's address is known only once the server listens.
/// </summary>
public sealed class XpmEndpoints(IOptions<XpmOptions> options, IXpmEndpointProvider? provider = null)
{
    private XpmOptions Options => options.Value;

    private bool UsesConfiguredXpm => !string.IsNullOrWhiteSpace(Options.ApiBaseUrl);

    /// <summary>Whether there is an XPM to connect to.</summary>
    public bool IsConfigured => UsesConfiguredXpm || provider is not null;

    /// <summary>Who serves XPM when the host provides it (<see cref="IXpmEndpointProvider.Name"/>); null for a configured XPM.</summary>
    public string? HostProvidedBy => UsesConfiguredXpm ? null : provider?.Name;

    public Uri ApiBase => WithSlash(UsesConfiguredXpm ? new Uri(Options.ApiBaseUrl) : Provider.ApiBase);
    public Uri AuthorizeUrl => UsesConfiguredXpm ? new Uri(Options.AuthorizeUrl) : Provider.AuthorizeUrl;
    public Uri TokenUrl => UsesConfiguredXpm ? new Uri(Options.TokenUrl) : Provider.TokenUrl;
    public Uri ConnectionsUrl => UsesConfiguredXpm ? new Uri(Options.ConnectionsUrl) : Provider.ConnectionsUrl;
    public Uri RevocationUrl => UsesConfiguredXpm ? new Uri(Options.RevocationUrl) : Provider.RevocationUrl;

    public string ClientId => UsesConfiguredXpm ? Options.ClientId ?? "" : Provider.ClientId;

    public string? ClientSecret => UsesConfiguredXpm
        ? (string.IsNullOrWhiteSpace(Options.ClientSecret) ? null : Options.ClientSecret)
        : Provider.ClientSecret;

    public string Scopes => Options.Scopes;

    public string CallbackPath => Options.CallbackPath;

    private IXpmEndpointProvider Provider => provider ?? throw new InvalidOperationException(new XpmNotConfiguredError().Message);

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
