using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

/// <summary>
/// A single-record reply's payload element, how it is read, and, for a client, how a <c>WebUrl</c> written beside it
/// (directly under <c>&lt;Response&gt;</c>) is taken when the record has none of its own.
/// </summary>
internal sealed record XpmRecordShape<T>(string Element, Func<XpmRecordReader, ValueTask<T>> Read, Func<T, string, T>? WithResponseWebUrl = null);

internal static class XpmRecordShapes
{
    public static readonly XpmRecordShape<XpmStaff> Staff = new("Staff", XpmRecordReader.StaffAsync);
    public static readonly XpmRecordShape<XpmGroup> Group = new("Group", XpmRecordReader.GroupAsync);
    public static readonly XpmRecordShape<XpmContact> Contact = new("Contact", XpmRecordReader.ContactAsync);

    // `get` replies have been documented with WebUrl directly under <Response>, beside the client.
    public static readonly XpmRecordShape<XpmClientRecord> Client =
        new("Client", XpmRecordReader.ClientAsync, (client, webUrl) => client.WebUrl is null ? client with { WebUrl = webUrl } : client);
}
