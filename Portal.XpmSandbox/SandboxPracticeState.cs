namespace Portal.XpmSandbox;

/// <summary>
/// One consistent, immutable snapshot of a practice. Readers (a 50,000-client list streaming for minutes) keep
/// the snapshot they started with while writers publish new ones.
/// </summary>
public sealed record SandboxPracticeState(
    SandboxCollection<SandboxStaff> Staff,
    SandboxCollection<SandboxClient> Clients,
    SandboxCollection<SandboxContact> Contacts,
    SandboxCollection<SandboxGroup> Groups)
{
    public static SandboxPracticeState Create(
        IEnumerable<SandboxStaff> staff,
        IEnumerable<SandboxClient> clients,
        IEnumerable<SandboxContact> contacts,
        IEnumerable<SandboxGroup> groups) =>
        new(
            SandboxCollection<SandboxStaff>.Create(staff, s => s.Uuid),
            SandboxCollection<SandboxClient>.Create(clients, c => c.Uuid),
            SandboxCollection<SandboxContact>.Create(contacts, c => c.Uuid),
            SandboxCollection<SandboxGroup>.Create(groups, g => g.Uuid));

    /// <summary>Clients linked to the contact, in client order.</summary>
    public IEnumerable<SandboxClient> ClientsOfContact(Guid contactUuid) =>
        Clients.Where(c => c.Contacts.Any(l => l.ContactUuid == contactUuid));

    /// <summary>Members of the group, in client order.</summary>
    public IEnumerable<SandboxClient> ClientsInGroup(Guid groupUuid) =>
        Clients.Where(c => c.Groups.Contains(groupUuid));
}
