using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Xpm.Connection;
using Portal.Infrastructure;
using Portal.Web.Xpm;

namespace Portal.Web.Configuration;

public sealed class DataProtectionExtensionsTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public void AddPortalDataProtection_KeepsKeysUnderDataKeysOfTheContentRoot()
    {
        using var root = new TempDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root.Path });
        builder.AddPortalDataProtection();
        using var provider = builder.Services.BuildServiceProvider();

        provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("secret");

        Directory.GetFiles(Path.Combine(root.Path, "data", "keys"), "key-*.xml").ShouldNotBeEmpty();
    }

    [Fact]
    public void AddPortalDataProtection_KeysPath_PutsTheKeysThere()
    {
        using var root = new TempDirectory();
        var keys = Path.Combine(root.Path, "shared", "keys");

        Protect(root.Path, new() { ["DataProtection:KeysPath"] = keys }, "secret");

        Directory.GetFiles(keys, "key-*.xml").ShouldNotBeEmpty();
        Directory.Exists(Path.Combine(root.Path, "data", "keys")).ShouldBeFalse();
    }

    [Fact]
    public void AddPortalDataProtection_WithACertificateFile_WritesTheKeysEncrypted()
    {
        using var root = new TempDirectory();
        using var certificate = TestCertificate.Create();
        var settings = CertificateFileSettings(root.Path, certificate);

        Protect(root.Path, settings, "secret");

        var xml = File.ReadAllText(Directory.GetFiles(Path.Combine(root.Path, "keys"), "key-*.xml").Single());
        xml.ShouldNotContain("<masterKey");
        xml.ShouldNotContain("unencrypted");
        xml.ShouldContain("<EncryptedData");
        xml.ShouldContain(Convert.ToBase64String(certificate.RawData));
    }

    [Fact]
    public void AddPortalDataProtection_KeysEncryptedWithACertificate_CannotBeReadWithoutIt()
    {
        using var root = new TempDirectory();
        using var certificate = TestCertificate.Create();
        var settings = CertificateFileSettings(root.Path, certificate);
        var protectedValue = Protect(root.Path, settings, "secret");

        var withoutCertificate = new Dictionary<string, string?> { ["DataProtection:KeysPath"] = settings["DataProtection:KeysPath"] };

        Should.Throw<CryptographicException>(() => Unprotect(root.Path, withoutCertificate, protectedValue));
        Unprotect(root.Path, settings, protectedValue).ShouldBe("secret");
    }

    [Fact]
    public void AddPortalDataProtection_WithACertificateThumbprint_UsesTheCertificateFromTheStore()
    {
        using var root = new TempDirectory();
        using var created = TestCertificate.Create();
        using var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["DataProtection:KeysPath"] = Path.Combine(root.Path, "keys"),
                ["DataProtection:CertificateThumbprint"] = certificate.Thumbprint.ToLowerInvariant(),
            };

            var protectedValue = Protect(root.Path, settings, "secret");

            Unprotect(root.Path, settings, protectedValue).ShouldBe("secret");
            File.ReadAllText(Directory.GetFiles(Path.Combine(root.Path, "keys"), "key-*.xml").Single()).ShouldNotContain("<masterKey");
        }
        finally
        {
            store.Remove(certificate);
        }
    }

    [Theory]
    [InlineData("missing.pfx", Password, "could not be loaded from DataProtection:CertificatePath")]
    [InlineData("dataprotection.pfx", "wrong password", "could not be loaded from DataProtection:CertificatePath")]
    [InlineData("public-only.cer", null, "needs an RSA key pair with its private key")]
    public void AddPortalDataProtection_CertificateFileThatCannotBeUsed_StopsWithTheReason(string file, string? password, string reason)
    {
        using var root = new TempDirectory();
        using var certificate = TestCertificate.Create();
        TestCertificate.WritePfx(certificate, root.Path, Password);
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        File.WriteAllBytes(Path.Combine(root.Path, "public-only.cer"), publicOnly.Export(X509ContentType.Pfx));

        var exception = Should.Throw<InvalidOperationException>(() => Protect(root.Path, new()
        {
            ["DataProtection:CertificatePath"] = file,
            ["DataProtection:CertificatePassword"] = password,
        }, "secret"));

        exception.Message.ShouldContain(reason);
        exception.Message.ShouldNotContain(Password);
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567", null, "was not found: DataProtection:CertificateThumbprint")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567", "a.pfx", "both set: choose one")]
    public void AddPortalDataProtection_ThumbprintNotFoundOrTwoCertificates_StopsWithTheReason(string thumbprint, string? path, string reason)
    {
        using var root = new TempDirectory();

        var exception = Should.Throw<InvalidOperationException>(() => Protect(root.Path, new()
        {
            ["DataProtection:CertificateThumbprint"] = thumbprint,
            ["DataProtection:CertificatePath"] = path,
        }, "secret"));

        exception.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task Start_CertificateThatCannotBeLoaded_StopsTheApp()
    {
        using var root = new TempDirectory();
        await using var app = new PortalAppFactory { Settings = { ["DataProtection:CertificatePath"] = Path.Combine(root.Path, "missing.pfx") } };

        var exception = Should.Throw<Exception>(() => app.CreateClient());

        Flatten(exception).ShouldContain(e => e is InvalidOperationException && e.Message.Contains("The Data Protection certificate could not be loaded"));
    }

    /// <summary>Two instances behind a load balancer: one key folder, one certificate, one database.</summary>
    [Fact]
    public async Task SecondInstance_WithTheSameCertificateAndKeys_ReadsTheSignInCookieAndTokensOfTheFirst()
    {
        using var shared = new TempDirectory();
        using var certificate = TestCertificate.Create();
        var settings = CertificateFileSettings(shared.Path, certificate);
        settings["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(shared.Path, "portal.db")}";
        await using var first = Instance(settings);
        await using var second = Instance(settings);
        var firstBrowser = first.CreateClient(new() { AllowAutoRedirect = false });
        var signInPage = await firstBrowser.GetStringAsync("/signin");
        var antiforgery = Regex.Match(signInPage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await firstBrowser.PostAsync("/account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = "staff",
            ["returnUrl"] = "/clients",
            ["__RequestVerificationToken"] = antiforgery,
        }));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal)).Split(';')[0];
        var storedToken = first.Services.GetRequiredService<XpmTokenProtector>().Protect("refresh-token-from-xero");

        var secondBrowser = second.CreateClient(new() { AllowAutoRedirect = false });
        secondBrowser.DefaultRequestHeaders.Add("Cookie", cookie);
        var clients = await secondBrowser.GetAsync("/clients");

        clients.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Services.GetRequiredService<XpmTokenProtector>().Unprotect(storedToken).ShouldBe("refresh-token-from-xero");
        File.ReadAllText(Directory.GetFiles(Path.Combine(shared.Path, "keys"), "key-*.xml").Single()).ShouldNotContain("<masterKey");
    }

    [Fact]
    public async Task Start_InProductionWithoutACertificate_WarnsThatTheKeysAreNotEncrypted()
    {
        await using var app = new ProductionAppFactory();

        app.CreateClient();

        app.Logs.GetSnapshot().ShouldContain(r => r.Level == LogLevel.Warning && r.Message.Contains("are not encrypted at rest"));
    }

    [Fact]
    public async Task Start_InProductionWithACertificate_DoesNotWarn()
    {
        using var root = new TempDirectory();
        using var certificate = TestCertificate.Create();
        await using var app = new ProductionAppFactory();
        foreach (var (key, value) in CertificateFileSettings(root.Path, certificate))
        {
            app.Settings[key] = value;
        }

        app.CreateClient();

        app.Logs.GetSnapshot().ShouldNotContain(r => r.Message.Contains("not encrypted at rest"));
    }

    [Fact]
    public void AddPortalXpm_LeavesDataProtectionToTheHost()
    {
        using var root = new TempDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root.Path });

        builder.AddPortalXpm();

        builder.Services.ShouldNotContain(d => d.ServiceType == typeof(IDataProtectionProvider));
    }

    private static Dictionary<string, string?> CertificateFileSettings(string directory, X509Certificate2 certificate) => new()
    {
        ["DataProtection:KeysPath"] = Path.Combine(directory, "keys"),
        ["DataProtection:CertificatePath"] = TestCertificate.WritePfx(certificate, directory, Password),
        ["DataProtection:CertificatePassword"] = Password,
    };

    private static PortalAppFactory Instance(Dictionary<string, string?> settings)
    {
        var app = new PortalAppFactory();
        foreach (var (key, value) in settings)
        {
            app.Settings[key] = value;
        }

        return app;
    }

    private static string Protect(string contentRoot, Dictionary<string, string?> settings, string value)
    {
        using var provider = Build(contentRoot, settings);
        return provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect(value);
    }

    private static string Unprotect(string contentRoot, Dictionary<string, string?> settings, string value)
    {
        using var provider = Build(contentRoot, settings);
        return provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(value);
    }

    private static ServiceProvider Build(string contentRoot, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPortalDataProtection();
        return builder.Services.BuildServiceProvider();
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
