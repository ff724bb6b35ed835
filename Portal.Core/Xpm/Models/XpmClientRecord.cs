namespace Portal.Core.Xpm.Models;

/// <summary>
/// A client as XPM's detailed list, search, get, add and update return it. Blank and omitted elements are
/// both null; elements the portal does not use (notes, billing type, AU/NZ tax flags…) are skipped.
/// </summary>
public sealed record XpmClientRecord
{
    public required Guid Uuid { get; init; }
    public required string Name { get; init; }

    public string? Title { get; init; }
    public string? Gender { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? OtherName { get; init; }
    public string? Email { get; init; }
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>May hold several lines separated by line feeds.</summary>
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

    /// <summary>Read from <c>&lt;Website&gt;</c>; requests spell it <c>WebSite</c>.</summary>
    public string? Website { get; init; }
    public string? ReferralSource { get; init; }
    public string? ExportCode { get; init; }

    public bool IsProspect { get; init; }

    /// <summary>XPM's list includes archived and deleted clients; these flags are the deletion signal for sync.</summary>
    public bool IsArchived { get; init; }
    public bool IsDeleted { get; init; }

    /// <summary>The "Partner" in XPM's UI.</summary>
    public XpmRef? AccountManager { get; init; }

    /// <summary>The "Manager" in XPM's UI.</summary>
    public XpmRef? JobManager { get; init; }
    public XpmRef? BillingClient { get; init; }

    /// <summary>The kind of legal entity (Individual, Company, Trust…), free text from the practice's own list.</summary>
    public string? BusinessStructure { get; init; }

    /// <summary>Masked by XPM except for the last three digits.</summary>
    public string? TaxNumber { get; init; }
    public string? CompanyNumber { get; init; }
    public string? BusinessNumber { get; init; }
    public bool? GSTRegistered { get; init; }

    public IReadOnlyList<XpmContact> Contacts { get; init; } = [];
    public IReadOnlyList<XpmRef> Groups { get; init; } = [];
    public IReadOnlyList<XpmRelationship> Relationships { get; init; } = [];

    /// <summary>XPM's page for the client. It embeds XPM's internal ids: show it, never parse it.</summary>
    public string? WebUrl { get; init; }
}
