using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Import.Fetch;

namespace Portal.Core.LinkedClients;

/// <summary>A pair a manager unlinked is never matched again by email or name: the XPM record is offered as new.</summary>
internal static class UnlinkedMatches
{
    public static async Task<Func<ClientMatch, ClientMatch>> LoadOverruleAsync(PortalDbContext db, int practiceId, CancellationToken cancellationToken)
    {
        var pairs = (await db.Set<UnlinkedMatch>().AsNoTracking().Where(u => u.PracticeId == practiceId)
            .Select(u => new { u.ClientId, u.XpmUuid }).ToListAsync(cancellationToken))
            .Select(u => (u.ClientId, u.XpmUuid)).ToHashSet();
        return match => match.Kind is ClientMatchKind.SameEmail or ClientMatchKind.Suggested
            && match.ClientId is { } id && pairs.Contains((id, match.XpmUuid))
                ? match with { Kind = ClientMatchKind.None, ClientId = null, Reason = "A manager unlinked this XPM client from the portal client it matches — a new client will be created" }
                : match;
    }
}
