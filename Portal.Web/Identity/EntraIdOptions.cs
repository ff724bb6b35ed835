using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Identity;

/// <summary>
/// The tenant settings of the "AzureAd" section that the portal itself checks (Microsoft.Identity.Web reads the rest).
/// A multi-tenant authority (<c>common</c>, <c>organizations</c>, <c>consumers</c>) would let anyone with a Microsoft
/// account of any organisation sign in, so it is refused at start-up unless <see cref="AllowedTenantIds"/> lists who may.
/// </summary>
public sealed class EntraIdOptions : IValidatableObject
{
    public const string SectionName = "AzureAd";

    private static readonly string[] MultiTenantAuthorities = ["common", "organizations", "consumers"];

    /// <summary>The authority host, as Microsoft.Identity.Web reads it.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    public string? TenantId { get; set; }

    /// <summary>Tenant ids (GUIDs) whose users may sign in. Required with a multi-tenant <see cref="TenantId"/>.</summary>
    public string[] AllowedTenantIds { get; set; } = [];

    public bool IsMultiTenant =>
        MultiTenantAuthorities.Contains(TenantId?.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a token's <c>tid</c> may sign in: one of <see cref="AllowedTenantIds"/> or the configured tenant id.
    /// With neither as a GUID (a tenant named by domain), Entra ID's issuer validation for that tenant decides.
    /// </summary>
    public bool IsAllowedTenant(string? tenantId)
    {
        var allowed = AllowedTenantIds.Append(TenantId)
            .Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null)
            .OfType<Guid>()
            .ToHashSet();
        if (allowed.Count == 0)
        {
            return !IsMultiTenant;
        }

        return Guid.TryParse(tenantId, out var tid) && allowed.Contains(tid);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(TenantId))
        {
            yield return new ValidationResult(
                "AzureAd:TenantId is required with AzureAd:ClientId: set it to your Microsoft Entra tenant id.", [nameof(TenantId)]);
        }
        else if (IsMultiTenant && AllowedTenantIds.Length == 0)
        {
            yield return new ValidationResult(
                $"AzureAd:TenantId is '{TenantId.Trim()}', which lets users of any Microsoft Entra tenant sign in. Set AzureAd:TenantId to "
                + "your own tenant id, or list the tenants allowed to sign in under AzureAd:AllowedTenantIds.",
                [nameof(TenantId), nameof(AllowedTenantIds)]);
        }

        foreach (var id in AllowedTenantIds.Where(id => !Guid.TryParse(id, out _)))
        {
            yield return new ValidationResult(
                $"AzureAd:AllowedTenantIds holds '{id}', which is not a tenant id (a GUID).", [nameof(AllowedTenantIds)]);
        }
    }
}
