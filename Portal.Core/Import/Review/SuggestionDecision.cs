namespace Portal.Core.Import.Review;

/// <summary>The user's answer to a <see cref="ClientMatchKind.Suggested"/> match.</summary>
public enum SuggestionDecision
{
    /// <summary>Not answered yet: the record needs review and the import skips it.</summary>
    Pending,

    /// <summary>Same client: link it.</summary>
    Accepted,

    /// <summary>A different client: create a new one.</summary>
    Rejected,
}
