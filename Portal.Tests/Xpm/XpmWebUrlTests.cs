using Portal.Core.Xpm;

namespace Portal.Xpm;

public sealed class XpmWebUrlTests
{
    [Theory]
    [InlineData("https://practicemanager.xero.com/Client/4400001/Detail")]
    [InlineData("https://go.xero.com/app/practice/client/1")]
    [InlineData("https://xero.com/")]
    [InlineData("  https://PracticeManager.Xero.com/Client/1/Detail  ")]
    public void TryGetSafeLink_HttpsOnXero_IsALink(string webUrl)
    {
        var safe = XpmWebUrl.TryGetSafeLink(webUrl, webHost: null, out var link);

        safe.ShouldBeTrue();
        link!.Scheme.ShouldBe("https");
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("http://practicemanager.xero.com/Client/1/Detail")]
    [InlineData("https://evil.example/Client/1")]
    [InlineData("https://practicemanager.xero.com.evil.example/")]
    [InlineData("https://evilxero.com/")]
    [InlineData("https://practicemanager.xero.com@evil.example/")]
    [InlineData("https://user:pass@practicemanager.xero.com/")]
    [InlineData("//practicemanager.xero.com/Client/1")]
    [InlineData("/Client/1/Detail")]
    [InlineData("https://xn--xro-9la.com/")]
    [InlineData("https://xéro.com/")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGetSafeLink_AnythingElse_IsNotALink(string? webUrl)
    {
        var safe = XpmWebUrl.TryGetSafeLink(webUrl, webHost: null, out var link);

        safe.ShouldBeFalse();
        link.ShouldBeNull();
    }

    [Theory]
    [InlineData("https://xpm.practice.example/Client/1", "xpm.practice.example", true)]
    [InlineData("https://XPM.practice.example/Client/1", "xpm.practice.example", true)]
    [InlineData("http://xpm.practice.example/Client/1", "xpm.practice.example", false)]
    [InlineData("https://other.practice.example/Client/1", "xpm.practice.example", false)]
    [InlineData("https://sub.xpm.practice.example/Client/1", "xpm.practice.example", false)]
    public void TryGetSafeLink_ConfiguredWebHost_IsALinkOnlyOnThatHostOverHttps(string webUrl, string webHost, bool expected) =>
        XpmWebUrl.TryGetSafeLink(webUrl, webHost, out _).ShouldBe(expected);
}
