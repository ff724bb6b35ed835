namespace Portal.Core.Import.Plan;

/// <summary>A field the import copies from XPM to a portal client or staff member.</summary>
public enum ImportField
{
    Name,
    FirstName,
    LastName,
    Email,
    Phone,
    Mobile,
    PhysicalAddress,
    PostalAddress,
    DateOfBirth,
    BusinessStructure,
}
