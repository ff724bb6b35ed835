using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Sync;

/// <summary>
/// Sends one linked client's pending fields to XPM (<see cref="XpmWritePlan"/>) and records the outcome: on success
/// what XPM returned becomes the new last-synced values of the fields sent, and a field whose portal value XPM now
/// holds is no longer pending; on an XPM error the client stays pending with the error on its link. A write counts
/// only once XPM's reply confirms it (the client's POSTs are never retried blindly).
/// </summary>
public sealed class XpmSyncService(IDbContextFactory<PortalDbContext> contextFactory, IXpmClient xpm, ICurrentUser currentUser, TimeProvider time)
{
    /// <summary>What would be sent for a client, without sending it (the preview).</summary>
    public async Task<Result<XpmWritePlan>> PreviewAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId && c.PracticeId == user.PracticeId && c.XpmLink != null, cancellationToken);
        return client is null ? new ClientNotFoundError(clientId) : PlanFor(client);
    }

    public async Task<Result<XpmWritePlan>> SyncClientAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        return await SyncClientAsync(user.PracticeId, user.Email ?? user.Name, clientId, cancellationToken);
    }

    /// <summary>The same for a background Sync run, which has no signed-in user: the run's practice and starter.</summary>
    internal async Task<Result<XpmWritePlan>> SyncClientAsync(int practiceId, string changedBy, int clientId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId && c.PracticeId == practiceId && c.XpmLink != null, cancellationToken);
        if (client is null)
        {
            return new ClientNotFoundError(clientId);
        }

        var link = client.XpmLink!;
        var plan = PlanFor(client);
        var portal = PortalClientValues.From(client);
        var @base = SyncBase.Parse(link.LastSyncedValues);
        var synced = new List<ImportField>();
        Error? failure = null;
        if (plan.Client is { } update)
        {
            var reply = await xpm.UpdateClientAsync(update, cancellationToken);
            if (reply.Succeeded)
            {
                var theirs = PortalClientValues.From(XpmClientSnapshot.From(reply.Value!));
                foreach (var field in plan.Fields.Where(f => f != ImportField.Mobile))
                {
                    @base = @base.Agree(theirs, field);
                    synced.Add(field);
                }
            }
            else
            {
                failure = reply.Error;
            }
        }

        if (failure is null && plan.Contact is { } contact)
        {
            var reply = await xpm.UpdateContactAsync(link.ContactUuid!.Value, contact, cancellationToken);
            if (reply.Succeeded)
            {
                @base = @base.Agree(portal with { Mobile = reply.Value!.Mobile }, ImportField.Mobile);
                synced.Add(ImportField.Mobile);
            }
            else
            {
                failure = reply.Error;
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        link.LastSyncedValues = @base.ToJson();
        link.PendingSyncFields = SyncFields.Format(SyncFields.Parse(link.PendingSyncFields)
            .Where(f => !synced.Contains(f) || !SyncFields.Same(portal, @base.Values, f)));
        link.SyncError = failure?.Message;
        if (synced.Count > 0)
        {
            link.LastSyncedAt = now;
            db.AuditEntries.AddRange(synced.Select(field => new AuditEntry
            {
                PracticeId = practiceId,
                RecordType = "Client",
                RecordId = client.Id,
                Field = field.ToString(),
                NewValue = SyncFields.Display(@base.Values, field),
                Source = AuditSource.SyncToXpm,
                ChangedBy = changedBy,
                ChangedAt = now,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
        return failure is null ? plan : failure;
    }

    /// <summary>
    /// "Create missing": adds an unlinked portal client to XPM (<c>client.api/add</c>, never retried: it might have been
    /// created) and links it to the UUID XPM returns, with XPM's reply as the base, so the next import updates it
    /// rather than creating a duplicate. A person's mobile goes as their own contact.
    /// </summary>
    public async Task<Result<Guid>> CreateInXpmAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        return await CreateInXpmAsync(user.PracticeId, user.Email ?? user.Name, clientId, cancellationToken);
    }

    internal async Task<Result<Guid>> CreateInXpmAsync(int practiceId, string changedBy, int clientId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId && c.PracticeId == practiceId, cancellationToken);
        if (client is null)
        {
            return new ClientNotFoundError(clientId);
        }

        if (client.XpmLink is { } existing)
        {
            return existing.XpmUuid;
        }

        var added = await xpm.AddClientAsync(new XpmNewClient
        {
            Name = client.Name,
            FirstName = client.FirstName,
            LastName = client.LastName,
            Email = client.Email,
            Phone = client.Phone,
            DateOfBirth = client.DateOfBirth,
            Address = client.PhysicalAddress.Street,
            City = client.PhysicalAddress.City,
            Region = client.PhysicalAddress.Region,
            PostCode = client.PhysicalAddress.PostCode,
            Country = client.PhysicalAddress.Country,
            PostalAddress = client.PostalAddress.Street,
            PostalCity = client.PostalAddress.City,
            PostalRegion = client.PostalAddress.Region,
            PostalPostCode = client.PostalAddress.PostCode,
            PostalCountry = client.PostalAddress.Country,
            BusinessStructure = client.BusinessStructure,
            Contacts = client.Kind == ClientKind.Person && client.Mobile is { } mobile
                ? [new XpmContactUpdate { Name = client.Name, Mobile = mobile, Email = client.Email, IsPrimary = true }]
                : [],
        }, cancellationToken);
        if (!added.Succeeded)
        {
            return added.Error!;
        }

        await LinkAsync(db, practiceId, changedBy, client, added.Value!, cancellationToken);
        return added.Value!.Uuid;
    }

    /// <summary>
    /// For a Sync run resumed after it stopped between asking XPM to add <paramref name="clientId"/> and reading the
    /// reply: was the client added? XPM has no idempotency key, so the only proof is XPM's list: a client of the same
    /// name changed since the add was attempted (less a margin for clock skew). Found, the portal client is linked to
    /// it and nothing is sent again; not found, the add never landed and can be sent. Two calls at most.
    /// </summary>
    internal async Task<Result<Guid?>> FindAddedAsync(int practiceId, string changedBy, int clientId, DateTime attemptedAt, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.SingleAsync(c => c.Id == clientId && c.PracticeId == practiceId, cancellationToken);
        if (client.XpmLink is { } existing)
        {
            return existing.XpmUuid;
        }

        var list = await xpm.GetClientsAsync(detailed: false, modifiedSince: attemptedAt.AddMinutes(-5), cancellationToken);
        if (!list.Succeeded)
        {
            return list.Error!;
        }

        var name = ImportText.Clean(client.Name);
        Guid? found = null;
        await foreach (var record in list.Value!.WithCancellation(cancellationToken))
        {
            if (!record.IsDeleted && string.Equals(ImportText.Clean(record.Name), name, StringComparison.OrdinalIgnoreCase))
            {
                found = record.Uuid;
            }
        }

        if (found is null)
        {
            return (Guid?)null;
        }

        var added = await xpm.GetClientAsync(found.Value, cancellationToken);
        if (!added.Succeeded)
        {
            return added.Error!;
        }

        await LinkAsync(db, practiceId, changedBy, client, added.Value!, cancellationToken);
        return found;
    }

    /// <summary>
    /// For a Sync run resumed after it stopped between sending an update and reading the reply: reads the client from
    /// XPM, and each pending field XPM already holds the portal's value for (the write landed) becomes agreed and no
    /// longer pending, so only what did not land is sent again. One call.
    /// </summary>
    internal async Task<Error?> ReconcileAsync(int practiceId, int clientId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.SingleAsync(c => c.Id == clientId && c.PracticeId == practiceId && c.XpmLink != null, cancellationToken);
        var link = client.XpmLink!;
        var read = await xpm.GetClientAsync(link.XpmUuid, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var portal = PortalClientValues.From(client);
        var theirs = PortalClientValues.From(XpmClientSnapshot.From(read.Value!));
        var @base = SyncBase.Parse(link.LastSyncedValues);
        var pending = SyncFields.Parse(link.PendingSyncFields);
        var landed = pending.Where(f => SyncFields.Same(portal, theirs, f)).ToList();
        foreach (var field in landed)
        {
            @base = @base.Agree(theirs, field);
        }

        link.LastSyncedValues = @base.ToJson();
        link.PendingSyncFields = SyncFields.Format(pending.Except(landed));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task LinkAsync(PortalDbContext db, int practiceId, string changedBy, Client client, XpmClientRecord record, CancellationToken cancellationToken)
    {
        var portal = PortalClientValues.From(client);
        var snapshot = XpmClientSnapshot.From(record);
        var now = time.GetUtcNow().UtcDateTime;
        var theirs = PortalClientValues.From(snapshot);
        client.XpmLink = new XpmLink
        {
            XpmUuid = snapshot.XpmUuid,
            WebUrl = record.WebUrl,
            LinkedAt = now,
            LastSyncedAt = now,
            ContactUuid = snapshot.OwnContactUuid,
            LastSyncedValues = SyncBase.None.AgreeWhereEqual(portal, theirs).ToJson(),
            PendingSyncFields = SyncFields.Format(SyncFields.All.Where(f => !SyncFields.Same(portal, theirs, f) && SyncFields.Key(portal, f) is not null)),
        };
        db.AuditEntries.Add(new AuditEntry
        {
            PracticeId = practiceId,
            RecordType = "Client",
            RecordId = client.Id,
            Field = "XpmLink",
            NewValue = snapshot.XpmUuid.ToString(),
            Source = AuditSource.SyncToXpm,
            ChangedBy = changedBy,
            ChangedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What would be sent for a linked client of <paramref name="practiceId"/> now; null if it is not linked.</summary>
    internal async Task<XpmWritePlan?> PlanAsync(int practiceId, int clientId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId && c.PracticeId == practiceId && c.XpmLink != null, cancellationToken);
        return client is null ? null : PlanFor(client);
    }

    internal static XpmWritePlan PlanFor(Client client) =>
        XpmWritePlan.For(client.XpmLink!.XpmUuid, client.XpmLink.ContactUuid, client.Kind, PortalClientValues.From(client), SyncFields.Parse(client.XpmLink.PendingSyncFields));
}
