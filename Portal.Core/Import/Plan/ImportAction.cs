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

    /// <summary>An undo removed a record the import created.</summary>
    Removed,

    /// <summary>An undo put a record's fields, link and team back as they were before the import.</summary>
    Reverted,

    /// <summary>An undo archived a record the import created, because something now depends on it.</summary>
    Archived,

    /// <summary>An undo left a record (or some of its fields) as it is, because it was edited since the import.</summary>
    Kept,
}
