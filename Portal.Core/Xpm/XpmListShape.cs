using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

/// <summary>Where a list's items sit in a reply (<c>&lt;Clients&gt;&lt;Client&gt;</c>…) and how one item is read into a model.</summary>
internal sealed record XpmListShape<T>(string ListElement, string ItemElement, Func<XpmRecordReader, ValueTask<T>> Read);

internal static class XpmListShapes
{
    public static readonly XpmListShape<XpmStaff> Staff = new("StaffList", "Staff", XpmRecordReader.StaffAsync);
    public static readonly XpmListShape<XpmClientRecord> Clients = new("Clients", "Client", XpmRecordReader.ClientAsync);
    public static readonly XpmListShape<XpmGroup> Groups = new("Groups", "Group", XpmRecordReader.GroupAsync);
}
