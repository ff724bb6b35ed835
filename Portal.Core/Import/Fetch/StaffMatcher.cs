using Portal.Core.Xpm.Models;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// Decides which portal staff member each XPM staff member is: the one linked to the XPM UUID; else an unlinked one
/// with the same email (trimmed, case-insensitive; the lowest id if several); else none, and the import creates one.
/// Staff emails are work addresses, one per person, so unlike clients no name check is needed. A staff member linked
/// to another UUID is never matched by email. <see cref="MatchAll"/> gives each portal staff member to at most one
/// XPM staff member: links first, then emails in XPM UUID order.
/// </summary>
public sealed class StaffMatcher
{
    private readonly Dictionary<Guid, int> _byLink = [];
    private readonly Dictionary<string, List<int>> _byEmail = [];

    public StaffMatcher(IEnumerable<PortalStaffSnapshot> portalStaff)
    {
        foreach (var staff in portalStaff.OrderBy(s => s.Id))
        {
            if (staff.LinkedXpmUuid is { } uuid)
            {
                _byLink.TryAdd(uuid, staff.Id);
            }
            else if (ImportText.EmailKey(staff.Email) is { } email)
            {
                if (!_byEmail.TryGetValue(email, out var ids))
                {
                    _byEmail[email] = ids = [];
                }

                ids.Add(staff.Id);
            }
        }
    }

    /// <summary>Matches the whole staff list so each portal staff member goes to one XPM staff member; results in the order given.</summary>
    public IReadOnlyList<StaffMatch> MatchAll(IEnumerable<XpmStaff> candidates)
    {
        var list = candidates as IReadOnlyList<XpmStaff> ?? candidates.ToList();
        if (list.Select(s => s.Uuid).Distinct().Count() != list.Count)
        {
            throw new ArgumentException("An XPM staff member appears twice in one import.", nameof(candidates));
        }

        var options = list.Select(Candidates).ToArray();
        var order = Enumerable.Range(0, list.Count).OrderBy(i => list[i].Uuid).ToArray();
        var results = new StaffMatch?[list.Count];
        var claimedBy = new Dictionary<int, int>();

        foreach (var tier in new[] { StaffMatchKind.Linked, StaffMatchKind.SameEmail })
        {
            foreach (var i in order)
            {
                if (results[i] is null
                    && options[i].FirstOrDefault(o => o.Kind == tier && !claimedBy.ContainsKey(o.StaffMemberId!.Value)) is { } option)
                {
                    claimedBy[option.StaffMemberId!.Value] = i;
                    results[i] = option;
                }
            }
        }

        var matches = new StaffMatch[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            matches[i] = results[i] ?? (options[i].Count == 0
                ? Create(list[i].Uuid, "No portal staff member with this XPM link or email — a new staff member will be created")
                : Create(list[i].Uuid,
                    $"Same email as a portal staff member that XPM staff member {list[claimedBy[options[i][0].StaffMemberId!.Value]].Name} takes in this import — a new staff member will be created"));
        }

        return matches;
    }

    private List<StaffMatch> Candidates(XpmStaff candidate)
    {
        var options = new List<StaffMatch>();
        if (_byLink.TryGetValue(candidate.Uuid, out var linked))
        {
            options.Add(new StaffMatch(candidate.Uuid, StaffMatchKind.Linked, linked, "Already linked to this XPM staff member"));
        }

        if (ImportText.EmailKey(candidate.Email) is { } email && _byEmail.TryGetValue(email, out var ids))
        {
            options.AddRange(ids.Select(id => new StaffMatch(candidate.Uuid, StaffMatchKind.SameEmail, id, $"Same email ({candidate.Email!.Trim()})")));
        }

        return options;
    }

    private static StaffMatch Create(Guid uuid, string reason) => new(uuid, StaffMatchKind.None, null, reason);
}
