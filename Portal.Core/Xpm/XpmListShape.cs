using System.Xml.Linq;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

/// <summary>Where a list's items sit in a reply (<c>&lt;Clients&gt;&lt;Client&gt;</c>…) and how one item becomes a model.</summary>
internal sealed record XpmListShape<T>(string ListElement, string ItemElement, Func<XElement, T> Map);

internal static class XpmListShapes
{
    public static readonly XpmListShape<XpmStaff> Staff = new("StaffList", "Staff", XpmRecordMapper.Staff);
    public static readonly XpmListShape<XpmClientRecord> Clients = new("Clients", "Client", e => XpmRecordMapper.Client(e));
    public static readonly XpmListShape<XpmGroup> Groups = new("Groups", "Group", XpmRecordMapper.Group);
}
