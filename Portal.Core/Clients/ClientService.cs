using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Plan;
using Portal.Core.Sync;
using Portal.Core.Xpm;

namespace Portal.Core.Clients;

public sealed class ClientService(
    IDbContextFactory<PortalDbContext> contextFactory,
    ICurrentUser currentUser,
    TimeProvider time,
    IOptions<XpmOptions> xpmOptions)
{
    public async Task<PagedResult<ClientSummary>> SearchAsync(ClientQuery query, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clients = db.Clients.AsNoTracking().Where(c => c.PracticeId == user.PracticeId);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower case on both sides: SQLite's LIKE ignores (ASCII) case, PostgreSQL's does not.
            var term = $"%{query.Search.Trim().ToLowerInvariant()}%";
            clients = clients.Where(c => EF.Functions.Like(c.Name.ToLower(), term)
                || (c.Email != null && EF.Functions.Like(c.Email.ToLower(), term))
                || (c.Phone != null && EF.Functions.Like(c.Phone.ToLower(), term)));
        }

        if (query.Kind is { } kind)
        {
            clients = clients.Where(c => c.Kind == kind);
        }

        var total = await clients.CountAsync(cancellationToken);
        var items = await clients
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(c => new ClientSummary(c.Id, c.Name, c.Email, c.Phone, c.Kind, c.BusinessStructure,
                c.XpmLink != null, c.XpmLink != null && c.XpmLink.IsNew,
                c.XpmLink != null && c.XpmLink.PendingSyncFields != null, c.IsArchived))
            .ToListAsync(cancellationToken);
        return new PagedResult<ClientSummary>(items, total, query.Page, query.PageSize);
    }

    /// <summary>A staff member opens a client: returns its details and clears its "New" badge.</summary>
    public async Task<Result<ClientDetails>> OpenAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var details = await QueryDetails(db, user.PracticeId, clientId).FirstOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return new ClientNotFoundError(clientId);
        }

        if (user.IsStaff)
        {
            await db.Set<Client>().Where(c => c.Id == clientId && c.XpmLink != null && c.XpmLink.IsNew)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.XpmLink!.IsNew, false), cancellationToken);
        }

        return WithSafeWebLink(details) with { Relationships = await QueryRelationships(db, clientId, cancellationToken) };
    }

    /// <summary>The signed-in client's own details, for the client portal.</summary>
    public async Task<Result<ClientDetails>> GetMineAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (user.ClientId is not { } clientId)
        {
            return new ClientNotFoundError(0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var details = await QueryDetails(db, user.PracticeId, clientId).FirstOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return new ClientNotFoundError(clientId);
        }

        return WithSafeWebLink(details) with { Relationships = await QueryRelationships(db, clientId, cancellationToken) };
    }

    public async Task<Result<int>> CreateAsync(NewClient input, CancellationToken cancellationToken = default)
    {
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), problems, validateAllProperties: true))
        {
            return new ClientInvalidError(problems.Select(p => p.ErrorMessage ?? "Invalid value.").Distinct().ToList());
        }

        var user = await currentUser.GetAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var isPerson = input.Kind == ClientKind.Person;
        var client = new Client
        {
            PracticeId = user.PracticeId,
            Kind = input.Kind,
            Name = input.DisplayName,
            FirstName = isPerson ? Clean(input.FirstName) : null,
            LastName = isPerson ? Clean(input.LastName) : null,
            BusinessStructure = isPerson ? BusinessStructures.Individual : Clean(input.BusinessStructure),
            DateOfBirth = isPerson && input.DateOfBirth is { } dob ? DateOnly.FromDateTime(dob) : null,
            Email = Clean(input.Email),
            Phone = Clean(input.Phone),
            Mobile = Clean(input.Mobile),
            PhysicalAddress = new Address
            {
                Street = Clean(input.Street),
                City = Clean(input.City),
                Region = Clean(input.Region),
                PostCode = Clean(input.PostCode),
                Country = Clean(input.Country),
            },
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            PracticeId = user.PracticeId,
            RecordType = "Client",
            RecordId = client.Id,
            Field = "Created",
            NewValue = client.Name,
            Source = AuditSource.PortalEdit,
            ChangedBy = user.Email ?? user.Name,
            ChangedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return client.Id;
    }

    /// <summary>
    /// Staff edit a client. Each changed field is audited. On a client linked to XPM, a field changed away from the
    /// last-synced value becomes <b>pending sync</b> (a re-import never overwrites it unless the field's policy is
    /// "XPM wins"); a field changed back to it is no longer pending.
    /// </summary>
    public async Task<Result<bool>> UpdateAsync(int clientId, NewClient input, CancellationToken cancellationToken = default)
    {
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), problems, validateAllProperties: true))
        {
            return new ClientInvalidError(problems.Select(p => p.ErrorMessage ?? "Invalid value.").Distinct().ToList());
        }

        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId && c.PracticeId == user.PracticeId, cancellationToken);
        if (client is null)
        {
            return new ClientNotFoundError(clientId);
        }

        var before = PortalClientValues.From(client);
        var isPerson = client.Kind == ClientKind.Person;
        client.Name = isPerson ? input.DisplayName : input.EntityName?.Trim() ?? client.Name;
        client.FirstName = isPerson ? Clean(input.FirstName) : client.FirstName;
        client.LastName = isPerson ? Clean(input.LastName) : client.LastName;
        client.BusinessStructure = isPerson ? client.BusinessStructure : Clean(input.BusinessStructure) ?? client.BusinessStructure;
        client.DateOfBirth = isPerson ? (input.DateOfBirth is { } dob ? DateOnly.FromDateTime(dob) : null) : client.DateOfBirth;
        client.Email = Clean(input.Email);
        client.Phone = Clean(input.Phone);
        client.Mobile = Clean(input.Mobile);
        client.PhysicalAddress = new Address
        {
            Street = Clean(input.Street),
            City = Clean(input.City),
            Region = Clean(input.Region),
            PostCode = Clean(input.PostCode),
            Country = Clean(input.Country),
        };
        var after = PortalClientValues.From(client);
        var changed = SyncFields.All.Where(f => !SyncFields.Same(before, after, f)).ToList();
        if (changed.Count == 0)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        client.UpdatedAt = now;
        if (client.XpmLink is { } link)
        {
            var @base = SyncBase.Parse(link.LastSyncedValues);
            var pending = SyncFields.Parse(link.PendingSyncFields).ToHashSet();
            foreach (var field in changed)
            {
                if (@base.Knows(field) && SyncFields.Same(@base.Values, after, field))
                {
                    pending.Remove(field);
                }
                else
                {
                    pending.Add(field);
                }
            }

            link.PendingSyncFields = SyncFields.Format(pending);
        }

        db.AuditEntries.AddRange(changed.Select(field => new AuditEntry
        {
            PracticeId = user.PracticeId,
            RecordType = "Client",
            RecordId = client.Id,
            Field = field.ToString(),
            OldValue = SyncFields.Display(before, field),
            NewValue = SyncFields.Display(after, field),
            Source = AuditSource.PortalEdit,
            ChangedBy = user.Email ?? user.Name,
            ChangedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>XPM's WebUrl becomes a link only when <see cref="XpmWebUrl"/> says it is safe; pending field names become labels.</summary>
    private ClientDetails WithSafeWebLink(ClientDetails details)
    {
        if (details.XpmLink is not { } link)
        {
            return details;
        }

        link = link with { PendingSync = SyncFields.Parse(link.PendingFields).Order().Select(ImportFields.Label).ToList() };
        return XpmWebUrl.TryGetSafeLink(link.WebUrl, xpmOptions.Value.WebHost, out var safe)
            ? details with { XpmLink = link with { WebLink = safe } }
            : details with { XpmLink = link };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IQueryable<ClientDetails> QueryDetails(PortalDbContext db, int practiceId, int clientId) =>
        db.Clients.AsNoTracking()
            .Where(c => c.Id == clientId && c.PracticeId == practiceId)
            .Select(c => new ClientDetails(
                c.Id, c.Kind, c.Name, c.FirstName, c.LastName, c.BusinessStructure, c.DateOfBirth,
                c.Email, c.Phone, c.Mobile, c.PhysicalAddress, c.PostalAddress, c.IsArchived, c.CreatedAt,
                c.XpmLink == null ? null : new XpmLinkDetails(c.XpmLink.XpmUuid, c.XpmLink.WebUrl, c.XpmLink.LinkedAt, c.XpmLink.LastSyncedAt)
                {
                    IsArchivedInXpm = c.XpmLink.IsArchivedInXpm,
                    PendingFields = c.XpmLink.PendingSyncFields,
                    SyncError = c.XpmLink.SyncError,
                },
                c.Team.OrderBy(t => t.Role).ThenBy(t => t.StaffMember!.Name)
                    .Select(t => new TeamMemberDetails(t.StaffMemberId, t.StaffMember!.Name, t.Role, t.StaffMember.Email, t.StaffMember.Phone))
                    .ToList(),
                new List<RelationshipDetails>()));

    private static async Task<IReadOnlyList<RelationshipDetails>> QueryRelationships(PortalDbContext db, int clientId, CancellationToken cancellationToken)
    {
        var asEntity = await db.Relationships.AsNoTracking().Where(r => r.EntityId == clientId)
            .Select(r => new RelationshipDetails(r.RelatedClientId, r.RelatedClient!.Name, r.RelatedClient.Kind, r.Type))
            .ToListAsync(cancellationToken);
        var asRelated = await db.Relationships.AsNoTracking().Where(r => r.RelatedClientId == clientId)
            .Select(r => new RelationshipDetails(r.EntityId, r.Entity!.Name, r.Entity.Kind, r.Type))
            .ToListAsync(cancellationToken);
        return asEntity.Concat(asRelated).OrderBy(r => r.OtherClientName).ToList();
    }
}
