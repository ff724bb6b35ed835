namespace Portal.Core.Xpm.Models;

/// <summary>
/// A client group. <see cref="Clients"/> is only filled by <c>clientgroup.api/get</c>; the list call returns
/// groups without members.
/// </summary>
public sealed record XpmGroup
{
    public required Guid Uuid { get; init; }
    public required string Name { get; init; }

    /// <summary>Only sent when the practice has the Practice Management module.</summary>
    public bool? Taxable { get; init; }

    public IReadOnlyList<XpmRef> Clients { get; init; } = [];
}
