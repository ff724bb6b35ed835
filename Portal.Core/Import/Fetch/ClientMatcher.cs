using Portal.Core.Clients;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// Decides which existing portal client each XPM client is, if any. Pure: build it once from the portal's clients,
/// then match; it indexes them in dictionaries, so matching n XPM clients costs O(n), not O(n × portal clients).
/// <para>The rules, strongest first:</para>
/// <list type="number">
/// <item><b>Linked</b>: a portal client already carries the XPM UUID (compared as a <see cref="Guid"/>, so case never
/// matters). This wins over everything, whatever the kind.</item>
/// <item><b>Same email</b>: a portal client of the same kind (person with person, entity with entity) has the same
/// email (trimmed, case-insensitive) <i>and</i> a compatible name. An email alone never merges: a household shares
/// one address between different people. If the email belongs to several portal clients, only one with a
/// compatible name counts.</item>
/// <item><b>Suggested</b>: a portal client of the same kind with a compatible name and the same phone digits
/// (phone or mobile, on either side, at least six digits; a country-code prefix is not ignored) or the same date of
/// birth. A suggestion only: the user accepts or rejects it.</item>
/// <item>Otherwise <b>None</b>: the import creates a portal client.</item>
/// </list>
/// <para>
/// Names are compatible when the normalised full names are equal, or the first and last names both are; a portal
/// client without first and last name is compared by <c>Name</c>. Normalising trims, ignores case, spaces,
/// apostrophes, hyphens and other punctuation, and strips diacritics (Chloé = Chloe).
/// </para>
/// <para>
/// A portal client linked to an XPM UUID is only ever matched by that UUID: never by email or name, so a second
/// portal record is never created for an XPM record's match, nor is another record's link stolen.
/// </para>
/// <para>
/// Each portal client is claimed by at most one XPM client: <see cref="MatchAll"/> gives links first, then same-email
/// matches, then suggestions, each tier in XPM UUID order; an XPM client whose portal client was taken tries its next
/// candidate, else becomes <see cref="ClientMatchKind.None"/> with the reason. The fetch matches everything it offers
/// in one call, so who wins a contest never depends on what the reviewer ticks.
/// </para>
/// </summary>
public sealed class ClientMatcher
{
    public const string LinkedReason = "Already linked to this XPM client";

    public const string NoMatchReason = "No portal client with this XPM link, email and name, or name and phone or date of birth — a new client will be created";

    private readonly Dictionary<Guid, Indexed> _byLink = [];
    private readonly Dictionary<(ClientKind Kind, string Email), List<Indexed>> _byEmail = [];
    private readonly Dictionary<(ClientKind Kind, string NameKey), List<Indexed>> _byName = [];

    public ClientMatcher(IEnumerable<PortalClientSnapshot> portalClients)
    {
        foreach (var client in portalClients.OrderBy(c => c.Id))
        {
            var indexed = new Indexed(
                client,
                ImportText.NameKeys(client.Name, client.FirstName, client.LastName),
                ImportText.PhoneDigits(client.Phone),
                ImportText.PhoneDigits(client.Mobile));

            if (client.LinkedXpmUuid is { } uuid)
            {
                // Linked records are reachable by their UUID only.
                _byLink.TryAdd(uuid, indexed);
                continue;
            }

            if (ImportText.EmailKey(client.Email) is { } email)
            {
                Add(_byEmail, (client.Kind, email), indexed);
            }

            foreach (var key in indexed.NameKeys)
            {
                Add(_byName, (client.Kind, key), indexed);
            }
        }
    }

    /// <summary>
    /// Matches a whole import, so that each portal client goes to at most one XPM client. Results come back in the
    /// order given. XPM UUIDs must be distinct.
    /// </summary>
    public IReadOnlyList<ClientMatch> MatchAll(IEnumerable<XpmClientSnapshot> candidates)
    {
        var list = candidates as IReadOnlyList<XpmClientSnapshot> ?? candidates.ToList();
        var options = new List<ClientMatch>[list.Count];
        var noneReasons = new string[list.Count];
        var seen = new HashSet<Guid>();
        for (var i = 0; i < list.Count; i++)
        {
            if (!seen.Add(list[i].XpmUuid))
            {
                throw new ArgumentException($"XPM client {list[i].XpmUuid} appears twice in one import.", nameof(candidates));
            }

            (options[i], noneReasons[i]) = Candidates(list[i]);
        }

        var order = Enumerable.Range(0, list.Count).OrderBy(i => list[i].XpmUuid).ToArray();
        var results = new ClientMatch?[list.Count];
        var claimedBy = new Dictionary<int, int>();

        foreach (var tier in new[] { ClientMatchKind.Linked, ClientMatchKind.SameEmail, ClientMatchKind.Suggested })
        {
            foreach (var i in order)
            {
                if (results[i] is not null)
                {
                    continue;
                }

                foreach (var option in options[i])
                {
                    if (option.Kind == tier && claimedBy.TryAdd(option.ClientId!.Value, i))
                    {
                        results[i] = option;
                        break;
                    }
                }
            }
        }

        var matches = new ClientMatch[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            matches[i] = results[i] ?? (options[i].Count == 0
                ? new ClientMatch(list[i].XpmUuid, ClientMatchKind.None, null, noneReasons[i])
                : Taken(options[i][0], list[claimedBy[options[i][0].ClientId!.Value]]));
        }

        return matches;
    }

    /// <summary>Every portal client the XPM client could be, best first, and why none would be when there are none.</summary>
    private (List<ClientMatch> Options, string NoneReason) Candidates(XpmClientSnapshot candidate)
    {
        var options = new List<ClientMatch>();
        if (_byLink.TryGetValue(candidate.XpmUuid, out var linked))
        {
            // A link is never contested (one UUID, one portal record), so nothing weaker needs looking at.
            options.Add(new ClientMatch(candidate.XpmUuid, ClientMatchKind.Linked, linked.Client.Id, LinkedReason));
            return (options, "");
        }

        var nameKeys = ImportText.NameKeys(candidate.Name, candidate.FirstName, candidate.LastName);
        var email = ImportText.EmailKey(candidate.Email);
        PortalClientSnapshot? sharedEmailOnly = null;
        if (email is not null && _byEmail.TryGetValue((candidate.Kind, email), out var sameEmail))
        {
            foreach (var portal in sameEmail)
            {
                if (ImportText.SharesKey(nameKeys, portal.NameKeys))
                {
                    options.Add(new ClientMatch(candidate.XpmUuid, ClientMatchKind.SameEmail, portal.Client.Id,
                        $"Same email ({candidate.Email!.Trim()}) and name"));
                }
                else
                {
                    sharedEmailOnly ??= portal.Client;
                }
            }
        }

        PortalClientSnapshot? sameNameOnly = null;
        var phones = new[] { ImportText.Clean(candidate.Phone), ImportText.Clean(candidate.Mobile) };
        var digits = phones.Select(ImportText.PhoneDigits).ToArray();
        foreach (var portal in SameName(candidate.Kind, nameKeys))
        {
            if (options.Any(o => o.ClientId == portal.Client.Id))
            {
                continue;
            }

            var evidence = new List<string>(2);
            var phoneIndex = Array.FindIndex(digits, d => d is not null && (d == portal.PhoneDigits || d == portal.MobileDigits));
            if (phoneIndex >= 0)
            {
                evidence.Add($"{(phoneIndex == 0 ? "phone" : "mobile")} {phones[phoneIndex]}");
            }

            if (candidate.DateOfBirth is { } dob && dob == portal.Client.DateOfBirth)
            {
                evidence.Add($"date of birth {ImportText.Date(dob)}");
            }

            if (evidence.Count == 0)
            {
                sameNameOnly ??= portal.Client;
                continue;
            }

            options.Add(new ClientMatch(candidate.XpmUuid, ClientMatchKind.Suggested, portal.Client.Id,
                $"Same name and {string.Join(" and ", evidence)} — suggested, please confirm"));
        }

        var noneReason = (sharedEmailOnly, sameNameOnly) switch
        {
            ({ } shared, _) =>
                $"Same email ({candidate.Email!.Trim()}) as {shared.Name} but a different name; a shared email never merges two people — a new client will be created",
            (_, { } namesake) =>
                $"Same name as {namesake.Name} but no phone, mobile or date of birth in common — a new client will be created",
            _ => NoMatchReason,
        };

        return (options, noneReason);
    }

    private IEnumerable<Indexed> SameName(ClientKind kind, string[] nameKeys)
    {
        if (nameKeys.Length == 1)
        {
            return _byName.TryGetValue((kind, nameKeys[0]), out var only) ? only : [];
        }

        return nameKeys
            .SelectMany(key => _byName.TryGetValue((kind, key), out var list) ? list : [])
            .DistinctBy(portal => portal.Client.Id)
            .OrderBy(portal => portal.Client.Id);
    }

    private static ClientMatch Taken(ClientMatch wanted, XpmClientSnapshot winner)
    {
        var evidence = wanted.Kind == ClientMatchKind.SameEmail ? "same email and name" : "same name and phone or date of birth";
        return new ClientMatch(wanted.XpmUuid, ClientMatchKind.None, null,
            $"Matches the same portal client ({evidence}) as XPM client {winner.Name} ({winner.XpmUuid}), which takes it in this import — a new client will be created");
    }

    private static void Add<TKey>(Dictionary<TKey, List<Indexed>> index, TKey key, Indexed client)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(client);
    }

    private sealed record Indexed(PortalClientSnapshot Client, string[] NameKeys, string? PhoneDigits, string? MobileDigits);
}
