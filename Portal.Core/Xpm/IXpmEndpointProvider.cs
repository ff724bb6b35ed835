namespace Portal.Core.Xpm;

/// <summary>
/// An XPM (and Xero identity) that the host serves itself, such as an emulator on the app's own address. Used when
/// <c>Xpm:ApiBaseUrl</c> is empty; the portal still reaches it only over HTTP, like the real one.
/// Members are read at call time: the app's own address is known only once the server listens.
/// </summary>
public interface IXpmEndpointProvider
{
    /// <summary>What serves it, for people, e.g. "the built-in XPM emulator".</summary>
    string Name { get; }

    /// <summary>The XPM API root, ending in a slash.</summary>
    Uri ApiBase { get; }

    Uri AuthorizeUrl { get; }
    Uri TokenUrl { get; }
    Uri ConnectionsUrl { get; }
    Uri RevocationUrl { get; }

    string ClientId { get; }
    string? ClientSecret { get; }
}
