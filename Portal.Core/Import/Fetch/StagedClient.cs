using Portal.Core.Clients;
using Portal.Core.Import.Review;

namespace Portal.Core.Import.Fetch;

/// <summary>An XPM client (person or entity) as a fetch read it, kept with its run so the review pages query the database.</summary>
public sealed class StagedClient
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public Guid XpmUuid { get; set; }
    public ClientKind Kind { get; set; }
    public required string Name { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? BusinessStructure { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Mobile { get; set; }
    public Address PhysicalAddress { get; set; } = new();
    public Address PostalAddress { get; set; } = new();
    public Guid? AccountManagerUuid { get; set; }
    public Guid? JobManagerUuid { get; set; }
    public string? WebUrl { get; set; }

    /// <summary>For a person: the XPM contact that is that person (its mobile is the client's).</summary>
    public Guid? OwnContactUuid { get; set; }
    /// <summary>Archived or deleted in XPM: staged, so the fetch can say how many it left out and why, but never offered.</summary>
    public bool IsArchived { get; set; }

    public bool IsDeleted { get; set; }
    public bool IsSelected { get; set; }

    /// <summary>
    /// How <see cref="ClientMatcher"/> placed this record against the portal's clients when the fetch finished, over
    /// everything the fetch offers. The review shows it and the plan uses it: matching happens once.
    /// </summary>
    public ClientMatchKind MatchKind { get; set; }

    public int? MatchClientId { get; set; }
    public string? MatchReason { get; set; }

    /// <summary>The user's answer to a suggested match.</summary>
    public SuggestionDecision Suggestion { get; set; }

    /// <summary><see cref="Plan.ImportFingerprint.Of"/> these values: set when staged, compared with the link's at the import.</summary>
    public long Fingerprint { get; set; }
}
