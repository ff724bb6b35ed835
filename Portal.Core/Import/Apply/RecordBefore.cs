using System.Text.Json;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Import.Plan;
using Portal.Core.Staff;
using Portal.Core.Xpm;

namespace Portal.Core.Import.Apply;

/// <summary>
/// A portal record as it was just before an import wrote it, kept on its <see cref="ImportOutcome"/> so an undo can put
/// it back exactly: the fields, the link (null: it had none) and, for a client, its team (which the import replaces).
/// </summary>
public sealed record RecordBefore
{
    public PortalClientValues? Client { get; init; }
    public ClientKind Kind { get; init; }
    public DateTime UpdatedAt { get; init; }
    public LinkBefore? Link { get; init; }
    public List<TeamBefore> Team { get; init; } = [];

    /// <summary>For a staff member: name, email, phone, mobile.</summary>
    public StaffBefore? Staff { get; init; }

    public static RecordBefore Of(Client client) => new()
    {
        Client = PortalClientValues.From(client),
        Kind = client.Kind,
        UpdatedAt = client.UpdatedAt,
        Link = LinkBefore.Of(client.XpmLink),
        Team = client.Team.Select(t => new TeamBefore(t.StaffMemberId, t.Role)).ToList(),
    };

    public static RecordBefore Of(StaffMember member) => new()
    {
        Staff = new StaffBefore(member.Name, member.Email, member.Phone, member.Mobile),
        Link = LinkBefore.Of(member.XpmLink),
    };

    public string ToJson() => JsonSerializer.Serialize(this, PortalJson.Default.RecordBefore);

    public static RecordBefore? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, PortalJson.Default.RecordBefore);

    public sealed record TeamBefore(int StaffMemberId, TeamRole Role);

    public sealed record StaffBefore(string Name, string? Email, string? Phone, string? Mobile);

    /// <summary>Every column of an <see cref="XpmLink"/>.</summary>
    public sealed record LinkBefore(
        Guid XpmUuid, string? WebUrl, DateTime LinkedAt, DateTime? LastSyncedAt, string? LastSyncedValues, bool IsNew,
        string? PendingSyncFields, Guid? ContactUuid, string? SyncError, bool IsArchivedInXpm,
        string? MatchReason, string? ConfirmedBy, int? LinkedByRunId, int? UpdatedByRunId)
    {
        public static LinkBefore? Of(XpmLink? link) => link is null ? null : new(
            link.XpmUuid, link.WebUrl, link.LinkedAt, link.LastSyncedAt, link.LastSyncedValues, link.IsNew,
            link.PendingSyncFields, link.ContactUuid, link.SyncError, link.IsArchivedInXpm,
            link.MatchReason, link.ConfirmedBy, link.LinkedByRunId, link.UpdatedByRunId);

        /// <summary>The link as it was: written onto the record's current link when it has one (EF updates the owned row in place).</summary>
        public XpmLink ApplyTo(XpmLink? link)
        {
            link ??= new XpmLink();
            link.XpmUuid = XpmUuid;
            link.WebUrl = WebUrl;
            link.LinkedAt = LinkedAt;
            link.LastSyncedAt = LastSyncedAt;
            link.LastSyncedValues = LastSyncedValues;
            link.IsNew = IsNew;
            link.PendingSyncFields = PendingSyncFields;
            link.ContactUuid = ContactUuid;
            link.SyncError = SyncError;
            link.IsArchivedInXpm = IsArchivedInXpm;
            link.MatchReason = MatchReason;
            link.ConfirmedBy = ConfirmedBy;
            link.LinkedByRunId = LinkedByRunId;
            link.UpdatedByRunId = UpdatedByRunId;
            return link;
        }
    }
}
