namespace Portal.Core.Import.Fetch;

public enum StaffMatchKind
{
    /// <summary>No portal staff member matches: the import creates one.</summary>
    None,

    /// <summary>A portal staff member already carries this XPM UUID.</summary>
    Linked,

    /// <summary>An unlinked portal staff member with the same email: the import links it.</summary>
    SameEmail,
}
