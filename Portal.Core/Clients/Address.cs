namespace Portal.Core.Clients;

/// <summary>A postal or physical address. <see cref="Street"/> may hold several lines, as XPM's does.</summary>
public sealed record Address
{
    public string? Street { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? PostCode { get; init; }
    public string? Country { get; init; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(ToSingleLine());

    public string ToSingleLine() => string.Join(", ",
        new[] { Street?.ReplaceLineEndings(", "), City, Region, PostCode, Country }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
}
