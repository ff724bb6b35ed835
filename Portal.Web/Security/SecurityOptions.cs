using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Portal.Web.Security;

/// <summary>
/// Settings of the "Security" section: which reverse proxies may tell the portal the original scheme and client address
/// (<c>X-Forwarded-Proto</c>, <c>X-Forwarded-For</c>). A proxy on the same machine (loopback) is always trusted.
/// </summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>IP addresses of TLS-terminating proxies, e.g. <c>10.0.0.4</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Security:KnownProxies holds '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Security:KnownNetworks holds '{network}', which is not a network in CIDR form (10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }
}
