using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Portal.Core.Data;

namespace Portal.Web.Configuration;

public static class DataProtectionExtensions
{
    /// <summary>
    /// One key ring for the whole app (sign-in cookies, antiforgery, the XPM tokens stored encrypted), kept in
    /// <c>DataProtection:KeysPath</c> (data/keys under the content root) so a restart, or another instance sharing the
    /// folder, can still read what an earlier run protected. With <c>DataProtection:CertificatePath</c> (+ password) or
    /// <c>DataProtection:CertificateThumbprint</c> the keys are encrypted at rest with that certificate; a certificate
    /// that cannot be loaded stops start-up with the reason.
    /// </summary>
    public static WebApplicationBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        // Read here, not through IOptions: the certificate must be loaded while Data Protection is configured, and a bad
        // one must stop the host before anything is written with an unprotected key.
        var options = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new InvalidOperationException(string.Join(" ", problems.Select(p => p.ErrorMessage)));
        }

        var keys = new DirectoryInfo(Path.GetFullPath(options.KeysPath, contentRoot));
        var store = options.Store ?? (builder.GetDatabaseProvider() == DatabaseProvider.Postgres ? KeyRingStore.Database : KeyRingStore.FileSystem);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Portal");
        var keysAt = keys.FullName;
        if (store == KeyRingStore.Database)
        {
            // Every node behind the load balancer reads one key ring, so a cookie or a stored XPM token protected by one
            // node is read by the others. The certificate below still encrypts each key before it reaches the table.
            dataProtection.PersistKeysToDbContext<PortalDbContext>();
            keysAt = "the database (DataProtectionKeys)";
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(keys);
        }

        if (LoadCertificate(options, contentRoot) is { } certificate)
        {
            // Also registers the certificate for decryption, so no certificate store is needed to read the keys back.
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        else if (!builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService(services => new UnprotectedKeysWarning(
                services.GetRequiredService<ILogger<UnprotectedKeysWarning>>(), keysAt));
        }

        return builder;
    }

    /// <summary><c>Database:Provider</c>: SQLite unless set.</summary>
    public static DatabaseProvider GetDatabaseProvider(this WebApplicationBuilder builder) =>
        builder.Configuration.GetValue<DatabaseProvider?>($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}") ?? DatabaseProvider.Sqlite;

    private static X509Certificate2? LoadCertificate(KeyRingOptions options, string contentRoot)
    {
        X509Certificate2 certificate;
        string source;
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var path = Path.GetFullPath(options.CertificatePath, contentRoot);
            source = $"DataProtection:CertificatePath ({path})";
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
            }
            catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    $"The Data Protection certificate could not be loaded from {source}: {exception.Message} " +
                    "Check the file and DataProtection:CertificatePassword, or remove the setting to keep the keys unencrypted.", exception);
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            var thumbprint = options.CertificateThumbprint.Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal);
            source = $"DataProtection:CertificateThumbprint ({thumbprint} in the {options.CertificateStoreLocation}\\My store)";
            certificate = FindInStore(options.CertificateStoreLocation, thumbprint) ?? throw new InvalidOperationException(
                $"The Data Protection certificate was not found: {source}. Import it (with its private key) or correct the thumbprint.");
        }
        else
        {
            return null;
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPublicKey() is null)
        {
            throw new InvalidOperationException(
                $"The Data Protection certificate from {source} cannot protect keys: it needs an RSA key pair with its private key.");
        }

        return certificate;
    }

    private static X509Certificate2? FindInStore(StoreLocation location, string thumbprint)
    {
        try
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            return found.Count > 0 ? found[0] : null;
        }
        catch (Exception exception) when (exception is CryptographicException or PlatformNotSupportedException)
        {
            // No such store (never created, or LocalMachine\My on Linux): the certificate is not there either.
            return null;
        }
    }

    /// <summary>Says at start, outside Development, that the key ring is stored in plain text.</summary>
    private sealed class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger, string keysPath) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning(
                "Data Protection keys in {KeysPath} are not encrypted at rest: set DataProtection:CertificatePath or DataProtection:CertificateThumbprint (see docs/security.md)",
                keysPath);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
