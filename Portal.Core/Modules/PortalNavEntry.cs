namespace Portal.Core.Modules;

/// <summary>A navigation menu entry a <see cref="PortalModule"/> contributes.</summary>
/// <param name="Title">The link text.</param>
/// <param name="Href">The app-relative address, e.g. <c>/sandbox</c>.</param>
/// <param name="Icon">An SVG icon (a MudBlazor <c>Icons.*</c> value).</param>
/// <param name="Policy">The authorization policy a user needs to see it; null: any signed-in user.</param>
public sealed record PortalNavEntry(string Title, string Href, string Icon, string? Policy = null);
