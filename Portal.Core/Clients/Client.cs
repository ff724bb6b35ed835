using Portal.Core.Xpm;

namespace Portal.Core.Clients;

/// <summary>Anyone the practice serves: a person, or an entity (company, trust, partnership, fund…).</summary>
public sealed class Client
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public ClientKind Kind { get; set; }
    public required string Name { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }

    /// <summary>An entity's legal form as XPM spells it (Company, Trust, Self Managed Superannuation Fund, or a practice's own value).</summary>
    public string? BusinessStructure { get; set; }

    public DateOnly? DateOfBirth { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Mobile { get; set; }
    public Address PhysicalAddress { get; set; } = new();
    public Address PostalAddress { get; set; } = new();
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The tie to the XPM record, when linked.</summary>
    public XpmLink? XpmLink { get; set; }

    public List<TeamMember> Team { get; set; } = [];

    /// <summary>For an entity: the people (or other entities) related to it.</summary>
    public List<Relationship> Relationships { get; set; } = [];

    /// <summary>For a person: the entities they are related to.</summary>
    public List<Relationship> RelatedTo { get; set; } = [];
}
