using System.Collections.Immutable;

namespace Portal.XpmSandbox;

/// <summary>
/// One emulated XPM practice (a tenant): its generated data, changed through the API or directly (the Sandbox page).
/// Thread-safe: readers get an immutable <see cref="Current"/> snapshot; writers serialise on a lock and publish a
/// new one. Every client change stamps <see cref="SandboxClient.Modified"/> with the injected clock's now.
/// The data is generated on first use.
/// </summary>
public sealed class SandboxPractice
{
    private readonly Lock _gate = new();
    private readonly Func<SandboxPracticeState> _generate;
    private readonly TimeProvider _time;
    private readonly bool _contactChangesTouchClients;
    private SandboxPracticeState? _state;

    public SandboxPractice(Guid tenantId, string name, Func<SandboxPracticeState> generate, TimeProvider time, bool contactChangesTouchClients = false)
    {
        TenantId = tenantId;
        Name = name;
        _generate = generate;
        _time = time;
        _contactChangesTouchClients = contactChangesTouchClients;
    }

    /// <summary>The <c>Xero-Tenant-Id</c> that reaches this practice.</summary>
    public Guid TenantId { get; }

    public string Name { get; }

    public SandboxPracticeState Current
    {
        get
        {
            var state = Volatile.Read(ref _state);
            if (state is not null)
            {
                return state;
            }

            lock (_gate)
            {
                return _state ??= _generate();
            }
        }
    }

    public SandboxClient? FindClient(Guid uuid) => Current.Clients.Find(uuid);

    /// <summary>
    /// Adds a client. A blank <see cref="SandboxClient.Uuid"/> gets a new one; the internal id and modified time are assigned.
    /// <paramref name="newContacts"/> are the contacts the draft's <see cref="SandboxClient.Contacts"/> links refer to.
    /// </summary>
    public SandboxClient AddClient(SandboxClient draft, IReadOnlyList<SandboxContact>? newContacts = null)
    {
        lock (_gate)
        {
            var state = Current;
            var last = state.Clients.Count == 0 ? SandboxPracticeGenerator.FirstInternalId - 1 : state.Clients[^1].InternalId;
            var client = draft with
            {
                Uuid = draft.Uuid == Guid.Empty ? Guid.NewGuid() : draft.Uuid,
                InternalId = last + 1,
                Modified = Now(),
            };
            var contacts = state.Contacts;
            foreach (var contact in newContacts ?? [])
            {
                contacts = contacts.Add(contact);
            }

            Publish(state with { Clients = state.Clients.Add(client), Contacts = contacts });
            return client;
        }
    }

    /// <summary>Applies <paramref name="change"/> to the client (UUID and internal id are kept) and stamps its modified time; null when unknown.</summary>
    public SandboxClient? UpdateClient(Guid uuid, Func<SandboxClient, SandboxClient> change)
    {
        lock (_gate)
        {
            var state = Current;
            if (state.Clients.Find(uuid) is not { } existing)
            {
                return null;
            }

            var updated = change(existing) with { Uuid = existing.Uuid, InternalId = existing.InternalId, Modified = Now() };
            Publish(state with { Clients = state.Clients.Replace(updated) });
            return updated;
        }
    }

    public SandboxClient? ArchiveClient(Guid uuid) => UpdateClient(uuid, c => c with { IsArchived = true });

    /// <summary>XPM keeps deleted clients (flagged <c>IsDeleted</c>) in <c>client.api/list</c>.</summary>
    public SandboxClient? DeleteClient(Guid uuid) => UpdateClient(uuid, c => c with { IsDeleted = true });

    /// <summary>Creates a contact and links it to the client; primary demotes the client's other contacts. Null when the client is unknown.</summary>
    public SandboxContact? AddContact(Guid clientUuid, SandboxContact contact, string position, bool isPrimary)
    {
        lock (_gate)
        {
            var state = Current;
            if (state.Clients.Find(clientUuid) is not { } client)
            {
                return null;
            }

            var created = contact with { Uuid = contact.Uuid == Guid.Empty ? Guid.NewGuid() : contact.Uuid };
            var links = client.Contacts.Add(new SandboxContactLink(created.Uuid, position, isPrimary));
            Publish(state with
            {
                Contacts = state.Contacts.Add(created),
                Clients = state.Clients.Replace(WithLinks(client, links, created.Uuid, isPrimary)),
            });
            return created;
        }
    }

    /// <summary>
    /// Changes a contact (every client it is linked to sees the change) and, given a client, that link's position and
    /// primary flag. Null when the contact is unknown or not linked to that client.
    /// </summary>
    public SandboxContact? UpdateContact(Guid contactUuid, Func<SandboxContact, SandboxContact> change, Guid? clientUuid = null, string? position = null, bool? isPrimary = null)
    {
        lock (_gate)
        {
            var state = Current;
            if (state.Contacts.Find(contactUuid) is not { } existing)
            {
                return null;
            }

            var clients = state.Clients;
            if (clientUuid is { } linkedTo)
            {
                if (clients.Find(linkedTo) is not { } client || !client.Contacts.Any(l => l.ContactUuid == contactUuid))
                {
                    return null;
                }

                var links = client.Contacts.Select(l => l.ContactUuid == contactUuid
                    ? l with { Position = position ?? l.Position, IsPrimary = isPrimary ?? l.IsPrimary }
                    : l).ToImmutableArray();
                clients = clients.Replace(WithLinks(client, links, contactUuid, isPrimary == true));
            }

            var updated = change(existing) with { Uuid = contactUuid };
            Publish(state with { Contacts = state.Contacts.Replace(updated), Clients = TouchClientsOf(clients, contactUuid) });
            return updated;
        }
    }

    /// <summary>
    /// With a client: unlinks the contact from that client. Without: marks the contact deleted and unlinks it everywhere.
    /// Returns the contact as it was; null when unknown or not linked to that client.
    /// </summary>
    public SandboxContact? RemoveContact(Guid contactUuid, Guid? clientUuid = null)
    {
        lock (_gate)
        {
            var state = Current;
            if (state.Contacts.Find(contactUuid) is not { } contact)
            {
                return null;
            }

            var clients = TouchClientsOf(state.Clients, contactUuid);
            List<SandboxClient> targets = clientUuid is { } only
                ? clients.Find(only) is { } one && one.Contacts.Any(l => l.ContactUuid == contactUuid) ? [one] : []
                : clients.Where(c => c.Contacts.Any(l => l.ContactUuid == contactUuid)).ToList();
            if (clientUuid is not null && targets.Count == 0)
            {
                return null;
            }

            foreach (var client in targets)
            {
                clients = clients.Replace(client with { Contacts = client.Contacts.RemoveAll(l => l.ContactUuid == contactUuid) });
            }

            var contacts = clientUuid is null ? state.Contacts.Replace(contact with { IsDeleted = true }) : state.Contacts;
            Publish(state with { Clients = clients, Contacts = contacts });
            return contact;
        }
    }

    /// <summary>Throws away every change and generates the practice again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Publish(_generate());
        }
    }

    private SandboxClient WithLinks(SandboxClient client, ImmutableArray<SandboxContactLink> links, Guid contactUuid, bool isPrimary)
    {
        if (isPrimary)
        {
            links = [.. links.Select(l => l.ContactUuid == contactUuid ? l : l with { IsPrimary = false })];
        }

        var changed = client with { Contacts = links };
        return _contactChangesTouchClients ? changed with { Modified = Now() } : changed;
    }

    private SandboxCollection<SandboxClient> TouchClientsOf(SandboxCollection<SandboxClient> clients, Guid contactUuid)
    {
        if (!_contactChangesTouchClients)
        {
            return clients;
        }

        var now = Now();
        foreach (var client in clients.Where(c => c.Contacts.Any(l => l.ContactUuid == contactUuid)).ToList())
        {
            clients = clients.Replace(client with { Modified = now });
        }

        return clients;
    }

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;

    private void Publish(SandboxPracticeState state) => Volatile.Write(ref _state, state);
}
