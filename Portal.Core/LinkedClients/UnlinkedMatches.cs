using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Import.Fetch;

namespace Portal.Core.LinkedClients;

/// <summary>A pair a manager unlinked is never matched again by email or name: the XPM record is offered as new.</summary>
internal static class UnlinkedMatches
{
    public static async Task OverruleAsync(PortalDbContext db, int practiceId, IReadOnlyList<StagedClient> staged, CancellationToken cancellationToken)
    {
        var pairs = (await db.Set<UnlinkedMatch>().AsNoTracking().Where(u => u.PracticeId == practiceId)
            .Select(u => new { u.ClientId, u.XpmUuid }).ToListAsync(cancellationToken))
            .Select(u => (u.ClientId, u.XpmUuid)).ToHashSet();
        if (pairs.Count == 0)
        {
            return;
        }

        foreach (var row in staged.Where(s => s.MatchKind is ClientMatchKind.SameEmail or ClientMatchKind.Suggested
            && s.MatchClientId is { } id && pairs.Contains((id, s.XpmUuid))))
        {
            (row.MatchKind, row.MatchClientId, row.MatchReason) =
                (ClientMatchKind.None, null, "A manager unlinked this XPM client from the portal client it matches — a new client will be created");
        }
    }
}
