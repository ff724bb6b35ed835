namespace Portal.Core.Import.Plan;

/// <summary>How much of each XPM client the import copies; <see cref="ImportFields.For"/> lists the fields.</summary>
public enum ImportDetailLevel
{
    /// <summary>Name and email: Name, FirstName, LastName, Email.</summary>
    Basic,

    /// <summary>Basic, plus Phone, Mobile, PhysicalAddress, PostalAddress, DateOfBirth and BusinessStructure.</summary>
    AllContactDetails,
}
