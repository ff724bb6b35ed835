namespace Portal.Core.Xpm.Models;

/// <summary>
/// The body of <c>client.api/update</c>: the client's UUID plus the fields to change. Contacts are not part of
/// a client update; change them through the contact endpoints.
/// </summary>
public sealed record XpmClientUpdate : XpmClientFields
{
    public required Guid Uuid { get; init; }
    public string? Name { get; init; }
}
