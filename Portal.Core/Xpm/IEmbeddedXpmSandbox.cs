namespace Portal.Core.Xpm;

/// <summary>Where the app's own embedded XPM sandbox listens, when it serves one (Xpm:ApiBaseUrl empty).</summary>
public interface IEmbeddedXpmSandbox
{
    /// <summary>The sandbox root, ending in a slash, e.g. http://localhost:5228/sandbox/xpm/.</summary>
    Uri BaseUri { get; }

    string ClientId { get; }
    string ClientSecret { get; }
}
