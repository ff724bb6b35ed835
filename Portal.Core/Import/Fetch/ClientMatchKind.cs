namespace Portal.Core.Import.Fetch;

/// <summary>How an XPM client relates to the portal's clients; see <see cref="ClientMatcher"/> for the rules.</summary>
public enum ClientMatchKind
{
    /// <summary>No portal client matches: the import creates one.</summary>
    None,

    /// <summary>A portal client already carries this XPM UUID.</summary>
    Linked,

    /// <summary>A portal client with the same email and a compatible name: the import links it.</summary>
    SameEmail,

    /// <summary>A portal client with the same name and phone or date of birth: the user accepts or rejects it.</summary>
    Suggested,
}
