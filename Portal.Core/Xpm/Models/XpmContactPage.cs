namespace Portal.Core.Xpm.Models;

/// <summary>One page of <c>client.api/contacts</c>: non-deleted contacts, with no client reference, and the next page's token (null on the last page).</summary>
public sealed record XpmContactPage(IReadOnlyList<XpmContact> Contacts, string? NextPageToken);
