using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
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
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId && c.PracticeId == user.PracticeId && c.XpmLink != null, cancellationToken);
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
                PracticeId = user.PracticeId,
                RecordType = "Client",
                RecordId = client.Id,
                Field = field.ToString(),
                NewValue = SyncFields.Display(@base.Values, field),
                Source = AuditSource.SyncToXpm,
                ChangedBy = user.Email ?? user.Name,
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
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId && c.PracticeId == user.PracticeId, cancellationToken);
        if (client is null)
        {
            return new ClientNotFoundError(clientId);
        }

        if (client.XpmLink is { } existing)
        {
            return existing.XpmUuid;
        }

        var portal = PortalClientValues.From(client);
        var added = await xpm.AddClientAsync(new XpmNewClient
        {
            Name = client.Name,
            FirstName = client.FirstName,
            LastName = client.LastName,
            Email = client.Email,
            Phone = client.Phone,
            DateOfBirth = client.DateOfBirth,
            Address = client.PhysicalAddress.Street, City = client.PhysicalAddress.City, Region = client.PhysicalAddress.Region,
            PostCode = client.PhysicalAddress.PostCode, Country = client.PhysicalAddress.Country,
            PostalAddress = client.PostalAddress.Street, PostalCity = client.PostalAddress.City, PostalRegion = client.PostalAddress.Region,
            PostalPostCode = client.PostalAddress.PostCode, PostalCountry = client.PostalAddress.Country,
            BusinessStructure = client.BusinessStructure,
            Contacts = client.Kind == ClientKind.Person && client.Mobile is { } mobile
                ? [new XpmContactUpdate { Name = client.Name, Mobile = mobile, Email = client.Email, IsPrimary = true }]
                : [],
        }, cancellationToken);
        if (!added.Succeeded)
        {
            return added.Error!;
        }

        var snapshot = XpmClientSnapshot.From(added.Value!);
        var now = time.GetUtcNow().UtcDateTime;
        var theirs = PortalClientValues.From(snapshot);
        client.XpmLink = new XpmLink
        {
            XpmUuid = snapshot.XpmUuid,
            WebUrl = added.Value!.WebUrl,
            LinkedAt = now,
            LastSyncedAt = now,
            ContactUuid = snapshot.OwnContactUuid,
            LastSyncedValues = SyncBase.None.AgreeWhereEqual(portal, theirs).ToJson(),
            PendingSyncFields = SyncFields.Format(SyncFields.All.Where(f => !SyncFields.Same(portal, theirs, f) && SyncFields.Key(portal, f) is not null)),
        };
        db.AuditEntries.Add(new AuditEntry
        {
            PracticeId = user.PracticeId,
            RecordType = "Client",
            RecordId = client.Id,
            Field = "XpmLink",
            NewValue = snapshot.XpmUuid.ToString(),
            Source = AuditSource.SyncToXpm,
            ChangedBy = user.Email ?? user.Name,
            ChangedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return snapshot.XpmUuid;
    }

    private static XpmWritePlan PlanFor(Client client) =>
        XpmWritePlan.For(client.XpmLink!.XpmUuid, client.XpmLink.ContactUuid, client.Kind, PortalClientValues.From(client), SyncFields.Parse(client.XpmLink.PendingSyncFields));
}
