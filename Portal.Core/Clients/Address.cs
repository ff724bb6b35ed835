using System.Text.Json.Serialization;

namespace Portal.Core.Clients;

/// <summary>A postal or physical address. <see cref="Street"/> may hold several lines, as XPM's does.</summary>
public sealed record Address
{
    public string? Street { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? PostCode { get; init; }
    public string? Country { get; init; }

    /// <summary>Worked out from the parts, so never stored with them (a link's last-synced values hold two addresses).</summary>
    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(ToSingleLine());

    public string ToSingleLine() => string.Join(", ",
        new[] { Street?.ReplaceLineEndings(", "), City, Region, PostCode, Country }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
}
