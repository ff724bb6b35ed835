namespace Portal.Core.Xpm.Models;

/// <summary>The body of <c>client.api/add</c>.</summary>
public sealed record XpmNewClient : XpmClientFields
{
    public required string Name { get; init; }

    /// <summary>Contacts created with the client. If several are primary, XPM keeps the last one.</summary>
    public IReadOnlyList<XpmContactUpdate> Contacts { get; init; } = [];
}
