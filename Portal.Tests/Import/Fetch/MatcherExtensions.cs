using Portal.Core.Import.Fetch;
using Portal.Core.Xpm.Models;

namespace Portal.Import.Fetch;

/// <summary>One XPM record matched on its own, for the rule-by-rule tests: the matchers only match whole offers.</summary>
internal static class MatcherExtensions
{
    public static ClientMatch Match(this ClientMatcher matcher, XpmClientSnapshot candidate) => matcher.MatchAll([candidate]).Single();

    public static StaffMatch Match(this StaffMatcher matcher, XpmStaff candidate) => matcher.MatchAll([candidate]).Single();
}
