using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Web.Configuration;

/// <summary>
/// Settings of the "DataProtection" section: where the Data Protection key ring lives and which certificate encrypts it
/// at rest. Without a certificate the keys are plain XML files: anyone who can read them can forge sign-in cookies and
/// decrypt the stored XPM tokens.
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// Where the key ring lives: <see cref="KeyRingStore.FileSystem"/> (<see cref="KeysPath"/>) or
    /// <see cref="KeyRingStore.Database"/> (the DataProtectionKeys table, so every node reads the same keys). Unset, it is
    /// Database on PostgreSQL and FileSystem on SQLite.
    /// </summary>
    public KeyRingStore? Store { get; set; }

    /// <summary>The key ring's folder; a relative path is under the content root. Share it between instances.</summary>
    [Required]
    public string KeysPath { get; set; } = Path.Combine("data", "keys");

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key; relative to the content root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password (user secrets or the environment, never appsettings.json).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Instead of a file: the thumbprint of a certificate (with its private key) in the X509 "My" store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The store <see cref="CertificateThumbprint"/> is looked up in: CurrentUser (default) or LocalMachine.</summary>
    public StoreLocation CertificateStoreLocation { get; set; } = StoreLocation.CurrentUser;

    public bool ProtectsKeys => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(CertificatePath) && !string.IsNullOrWhiteSpace(CertificateThumbprint))
        {
            yield return new ValidationResult(
                "DataProtection:CertificatePath and DataProtection:CertificateThumbprint are both set: choose one.",
                [nameof(CertificatePath), nameof(CertificateThumbprint)]);
        }

        if (!string.IsNullOrEmpty(CertificatePassword) && string.IsNullOrWhiteSpace(CertificatePath))
        {
            yield return new ValidationResult(
                "DataProtection:CertificatePassword is set without DataProtection:CertificatePath.", [nameof(CertificatePassword)]);
        }
    }
}
