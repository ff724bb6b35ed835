using System.Collections.Immutable;

namespace Portal.XpmSandbox;

/// <summary>
/// An XPM client as the sandbox stores it: a person (<see cref="SandboxBusinessStructures.Individual"/>) or an entity.
/// Links (managers, contacts, groups, related clients) are UUIDs resolved when written, so a rename shows everywhere.
/// A null <see cref="Email"/> leaves the element out; an empty one writes <c>&lt;Email /&gt;</c>.
/// </summary>
public sealed record SandboxClient
{
    public Guid Uuid { get; init; }

    /// <summary>XPM's internal integer id: only seen inside <see cref="WebUrl"/>.</summary>
    public int InternalId { get; init; }

    public required string Name { get; init; }
    public string? Title { get; init; }
    public string? Gender { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? OtherName { get; init; }
    public string? Email { get; init; }
    public DateOnly? DateOfBirth { get; init; }

    public string Address { get; init; } = "";
    public string City { get; init; } = "";
    public string Region { get; init; } = "";
    public string PostCode { get; init; } = "";
    public string Country { get; init; } = "";
    public string PostalAddress { get; init; } = "";
    public string PostalCity { get; init; } = "";
    public string PostalRegion { get; init; } = "";
    public string PostalPostCode { get; init; } = "";
    public string PostalCountry { get; init; } = "";

    public string Phone { get; init; } = "";
    public string Fax { get; init; } = "";
    public string Website { get; init; } = "";
    public string ReferralSource { get; init; } = "";
    public string ExportCode { get; init; } = "";
    public bool IsProspect { get; init; }
    public bool IsArchived { get; init; }
    public bool IsDeleted { get; init; }

    public Guid? AccountManagerUuid { get; init; }
    public Guid? JobManagerUuid { get; init; }
    public Guid? BillingClientUuid { get; init; }
    public SandboxBillingType? Type { get; init; }

    /// <summary>Free text from the practice's list (Individual, Company, Trust, …); null leaves it out.</summary>
    public string? BusinessStructure { get; init; }

    /// <summary>Null when the practice has no tax details for this client: the whole block is left out.</summary>
    public SandboxTaxDetails? Tax { get; init; }

    public ImmutableArray<SandboxContactLink> Contacts { get; init; } = [];
    public ImmutableArray<SandboxNote> Notes { get; init; } = [];
    public ImmutableArray<Guid> Groups { get; init; } = [];
    public ImmutableArray<SandboxRelationship> Relationships { get; init; } = [];

    /// <summary>UTC; what <c>modifiedsince</c> filters on. XPM does not output it.</summary>
    public DateTime Modified { get; init; }

    public bool IsIndividual => BusinessStructure == SandboxBusinessStructures.Individual;

    public string WebUrl => $"https://practicemanager.xero.com/Client/{InternalId}/Detail";
}
