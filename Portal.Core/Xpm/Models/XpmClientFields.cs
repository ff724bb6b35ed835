namespace Portal.Core.Xpm.Models;

/// <summary>
/// The client fields the portal writes to XPM. A null property is left out of the request, which XPM treats as
/// "keep the current value"; whether an empty string clears a field is unconfirmed, so send one deliberately.
/// Links are written flat (<c>AccountManagerUUID</c>) and the website as <c>WebSite</c>, as XPM's requests expect.
/// </summary>
public abstract record XpmClientFields
{
    public string? Title { get; init; }
    public string? Gender { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? OtherName { get; init; }
    public string? Email { get; init; }
    public DateOnly? DateOfBirth { get; init; }

    public string? Address { get; init; }
    public string? City { get; init; }
    public string? Region { get; init; }
    public string? PostCode { get; init; }
    public string? Country { get; init; }

    public string? PostalAddress { get; init; }
    public string? PostalCity { get; init; }
    public string? PostalRegion { get; init; }
    public string? PostalPostCode { get; init; }
    public string? PostalCountry { get; init; }

    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? Website { get; init; }
    public string? ReferralSource { get; init; }
    public string? ExportCode { get; init; }
    public bool? IsProspect { get; init; }

    public Guid? AccountManagerUuid { get; init; }
    public Guid? JobManagerUuid { get; init; }
    public Guid? BillingClientUuid { get; init; }

    /// <summary>Must be one of the names configured in the practice's XPM admin.</summary>
    public string? BusinessStructure { get; init; }
    public string? TaxNumber { get; init; }
    public string? CompanyNumber { get; init; }
    public string? BusinessNumber { get; init; }
    public bool? GSTRegistered { get; init; }
}
