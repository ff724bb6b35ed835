namespace Portal.Core.Import.Plan;

public static class ImportFields
{
    public static readonly IReadOnlyList<ImportField> Basic =
        [ImportField.Name, ImportField.FirstName, ImportField.LastName, ImportField.Email];

    public static readonly IReadOnlyList<ImportField> AllContactDetails =
    [
        .. Basic,
        ImportField.Phone, ImportField.Mobile, ImportField.PhysicalAddress, ImportField.PostalAddress,
        ImportField.DateOfBirth, ImportField.BusinessStructure,
    ];

    /// <summary>The staff fields the import copies; staff have no detail level.</summary>
    public static readonly IReadOnlyList<ImportField> Staff =
        [ImportField.Name, ImportField.Email, ImportField.Phone, ImportField.Mobile];

    public static IReadOnlyList<ImportField> For(ImportDetailLevel level) => level switch
    {
        ImportDetailLevel.Basic => Basic,
        ImportDetailLevel.AllContactDetails => AllContactDetails,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static string Label(ImportField field) => field switch
    {
        ImportField.FirstName => "First name",
        ImportField.LastName => "Last name",
        ImportField.PhysicalAddress => "Physical address",
        ImportField.PostalAddress => "Postal address",
        ImportField.DateOfBirth => "Date of birth",
        ImportField.BusinessStructure => "Business structure",
        _ => field.ToString(),
    };
}
