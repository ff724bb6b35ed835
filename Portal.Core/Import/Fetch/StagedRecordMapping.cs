namespace Portal.Core.Import.Fetch;

internal static class StagedRecordMapping
{
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
    };

    public static Portal.Core.Xpm.Models.XpmStaff ToXpmStaff(this StagedStaff staged) => new()
    {
        Uuid = staged.XpmUuid,
        Name = staged.Name,
        Email = staged.Email,
        Phone = staged.Phone,
        Mobile = staged.Mobile,
        WebUrl = staged.WebUrl,
    };
}
