using Microsoft.Extensions.Options;
using Portal.Core.Xpm;

namespace Portal.Xpm;

public sealed class XpmEndpointsTests
{
    private sealed class HostedXpm : IXpmEndpointProvider
    {
        public string Name => "the test's own XPM";
        public Uri ApiBase => new("http://localhost/hosted/api/");
        public Uri AuthorizeUrl => new("http://localhost/hosted/authorize");
        public Uri TokenUrl => new("http://localhost/hosted/token");
        public Uri ConnectionsUrl => new("http://localhost/hosted/connections");
        public Uri RevocationUrl => new("http://localhost/hosted/revocation");
        public string ClientId => "hosted-client";
        public string? ClientSecret => "hosted-secret";
    }

    private static XpmEndpoints Endpoints(XpmOptions options, IXpmEndpointProvider? provider = null) => new(Options.Create(options), provider);

    [Fact]
    public void IsConfigured_NoApiBaseUrlAndNoHostProvidedXpm_IsFalseAndTheUrlsSaySo()
    {
        var endpoints = Endpoints(new XpmOptions());

        endpoints.IsConfigured.ShouldBeFalse();
        endpoints.HostProvidedBy.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => endpoints.ApiBase).Message.ShouldContain("Xpm:ApiBaseUrl");
    }

    [Fact]
    public void Urls_NoApiBaseUrlWithAHostProvidedXpm_AreTheHostsAndItsCredentials()
    {
        var endpoints = Endpoints(new XpmOptions { ClientId = "ignored" }, new HostedXpm());

        endpoints.IsConfigured.ShouldBeTrue();
        endpoints.HostProvidedBy.ShouldBe("the test's own XPM");
        (endpoints.ApiBase.AbsoluteUri, endpoints.AuthorizeUrl.AbsoluteUri, endpoints.TokenUrl.AbsoluteUri)
            .ShouldBe(("http://localhost/hosted/api/", "http://localhost/hosted/authorize", "http://localhost/hosted/token"));
        (endpoints.ClientId, endpoints.ClientSecret).ShouldBe(("hosted-client", "hosted-secret"));
    }

    [Fact]
    public void Urls_ApiBaseUrlSet_WinOverAHostProvidedXpm()
    {
        var endpoints = Endpoints(new XpmOptions { ApiBaseUrl = "https://api.xero.com/practicemanager/3.1", ClientId = "app", ClientSecret = "" }, new HostedXpm());

        endpoints.IsConfigured.ShouldBeTrue();
        endpoints.HostProvidedBy.ShouldBeNull();
        endpoints.ApiBase.AbsoluteUri.ShouldBe("https://api.xero.com/practicemanager/3.1/");
        endpoints.TokenUrl.AbsoluteUri.ShouldBe("https://identity.xero.com/connect/token");
        (endpoints.ClientId, endpoints.ClientSecret).ShouldBe(("app", null));
    }
}
