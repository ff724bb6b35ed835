using Portal.Core.Import.Plan;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Import.Fetch;

/// <summary>XPM's records to staged rows (trimmed, blanks as null), and staged rows to what the matchers and planner take.</summary>
internal static class StagedRecordMapping
{
    public static StagedStaff ToStaged(this XpmStaff staff, int runId) => new()
    {
        RunId = runId,
        XpmUuid = staff.Uuid,
        Name = staff.Name,
        Email = Blank(staff.Email),
        Phone = Blank(staff.Phone),
        Mobile = Blank(staff.Mobile),
        WebUrl = Blank(staff.WebUrl),
    };

    public static StagedClient ToStaged(this XpmClientRecord client, int runId)
    {
        var snapshot = XpmClientSnapshot.From(client);
        var staged = new StagedClient
        {
            RunId = runId,
            XpmUuid = snapshot.XpmUuid,
            Kind = snapshot.Kind,
            Name = snapshot.Name,
            FirstName = snapshot.FirstName,
            LastName = snapshot.LastName,
            BusinessStructure = snapshot.BusinessStructure,
            DateOfBirth = snapshot.DateOfBirth,
            Email = snapshot.Email,
            Phone = snapshot.Phone,
            Mobile = snapshot.Mobile,
            PhysicalAddress = snapshot.PhysicalAddress,
            PostalAddress = snapshot.PostalAddress,
            AccountManagerUuid = client.AccountManager?.Uuid,
            JobManagerUuid = client.JobManager?.Uuid,
            WebUrl = Blank(client.WebUrl),
            OwnContactUuid = snapshot.OwnContactUuid,
            IsArchived = client.IsArchived,
            IsDeleted = client.IsDeleted,
        };
        staged.Fingerprint = ImportFingerprint.Of(staged);
        return staged;
    }

    public static StagedRelationship ToStaged(this XpmRelationship relationship, int runId, Guid clientUuid) => new()
    {
        RunId = runId,
        XpmUuid = relationship.Uuid == Guid.Empty ? null : relationship.Uuid,
        ClientUuid = clientUuid,
        RelatedClientUuid = relationship.RelatedClient.Uuid,
        RelatedClientName = relationship.RelatedClient.Name,
        Type = relationship.Type ?? "Related",
        NumberOfShares = relationship.NumberOfShares,
        Percentage = relationship.Percentage,
        StartDate = relationship.StartDate,
        EndDate = relationship.EndDate,
    };

    public static XpmClientSnapshot ToSnapshot(this StagedClient staged) => new()
    {
        XpmUuid = staged.XpmUuid,
        Kind = staged.Kind,
        Name = staged.Name,
        FirstName = staged.FirstName,
        LastName = staged.LastName,
        Email = staged.Email,
        Phone = staged.Phone,
        Mobile = staged.Mobile,
        DateOfBirth = staged.DateOfBirth,
        BusinessStructure = staged.BusinessStructure,
        PhysicalAddress = staged.PhysicalAddress,
        PostalAddress = staged.PostalAddress,
        OwnContactUuid = staged.OwnContactUuid,
    };

    public static XpmStaff ToXpmStaff(this StagedStaff staged) => new()
    {
        Uuid = staged.XpmUuid,
        Name = staged.Name,
        Email = staged.Email,
        Phone = staged.Phone,
        Mobile = staged.Mobile,
        WebUrl = staged.WebUrl,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
