namespace Portal.Core.Import.Plan;

/// <summary>What the import will do with one XPM record.</summary>
public enum ImportAction
{
    /// <summary>A new portal record, linked to the XPM record.</summary>
    Create,

    /// <summary>An existing, unlinked portal record gets the XPM link, and maybe field updates.</summary>
    Link,

    /// <summary>Already linked; some fields differ and are updated.</summary>
    Update,

    /// <summary>Already linked and nothing differs: the import leaves it alone.</summary>
    Unchanged,

    /// <summary>A suggested match the user has not accepted or rejected yet: skipped by the import.</summary>
    NeedsReview,
}
