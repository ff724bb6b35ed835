using System.Xml.Linq;

namespace Portal.XpmSandbox;

/// <summary>A sandbox app already connected (token + tenant), shared by the tests of one class.</summary>
public sealed class ConnectedSandbox : SandboxHost, IAsyncLifetime
{
    public SandboxSession Session { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Http = CreateSandboxClient();
        Session = await ConnectAsync();
    }

    public Task<XElement> GetAsync(string path) => GetXmlAsync(Http, path, Session);

    public Task<XElement> SendAsync(HttpMethod method, string path, string xml) => XmlAsync(Http, method, path, Session, xml);

    public Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, string? xml = null) =>
        Http.SendAsync(ApiRequest(method, path, Session, xml));
}
