using System.Text.Json.Serialization;

namespace Portal.Core.Xpm.Connection;

/// <summary>One entry of GET /connections.</summary>
public sealed record XeroTenant(
    [property: JsonPropertyName("id")] string? ConnectionId,
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("tenantType")] string? TenantType,
    [property: JsonPropertyName("tenantName")] string? TenantName)
{
    public const string PracticeManagerType = "PRACTICEMANAGER";

    public bool IsPracticeManager => string.Equals(TenantType, PracticeManagerType, StringComparison.OrdinalIgnoreCase);
}
