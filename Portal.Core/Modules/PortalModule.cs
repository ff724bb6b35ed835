using System.Reflection;

namespace Portal.Core.Modules;

/// <summary>
/// A self-contained part that a host plugs into the portal with one registration (such as an emulator of an outside
/// service): what the web UI shows of it without naming any of its types. Register one singleton per module.
/// </summary>
/// <param name="Name">For people and logs.</param>
public sealed record PortalModule(string Name)
{
    /// <summary>An assembly whose routable components join the app's pages (Blazor's additional assemblies).</summary>
    public Assembly? PagesAssembly { get; init; }

    /// <summary>Entries the navigation menu shows, each to the users its policy allows.</summary>
    public IReadOnlyList<PortalNavEntry> NavEntries { get; init; } = [];

    /// <summary>A banner on every page while set, e.g. that an emulator is serving outside Development.</summary>
    public string? Notice { get; init; }
}
