using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Sync;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Import.Plan;

/// <summary>
/// Turns a matched XPM record into a plan entry: create, link, update, unchanged or needs review, with the field
/// changes and the reasons. Pure, so the confirm step's preview and the apply share it: what you were shown is what
/// happens.
/// <list type="bullet">
/// <item><see cref="ClientMatchKind.None"/> → <see cref="ImportAction.Create"/> with the XPM values of the level's
/// fields. A create also sets <see cref="ImportField.BusinessStructure"/> at <see cref="ImportDetailLevel.Basic"/>:
/// it is what makes a client an entity, and the portal requires it of one.</item>
/// <item><see cref="ClientMatchKind.Linked"/> → <see cref="ImportAction.Update"/> when a field differs, else
/// <see cref="ImportAction.Unchanged"/>: planning values the portal already has changes nothing, so a repeated import
/// is idempotent.</item>
/// <item><see cref="ClientMatchKind.SameEmail"/> → <see cref="ImportAction.Link"/>, with any field changes.</item>
/// <item><see cref="ClientMatchKind.Suggested"/> → <see cref="ImportAction.NeedsReview"/> until answered (the apply
/// skips it); accepted → <see cref="ImportAction.Link"/>; rejected → <see cref="ImportAction.Create"/>.</item>
/// </list>
/// <para>
/// Values are compared after trimming; emails ignoring case. An address is compared part by part and shown on one
/// line; when it differs, XPM's whole address replaces the portal's, since mixing parts of two addresses would make
/// one that exists nowhere.
/// </para>
/// <para>
/// A blank XPM value never wipes a portal value in this first import: XPM writes blanks as empty elements but also
/// leaves elements out of some replies, so a blank may mean "not sent" rather than "cleared". The entry says which
/// values were kept. Clearing a field on purpose is the two-way sync's job, with its last-synced base.
/// </para>
/// </summary>
public static class RecordPlanner
{
    public static ImportPlanEntry Plan(
        XpmClientSnapshot xpm,
        ClientMatch match,
        PortalClientValues? current,
        ImportDetailLevel level,
        SuggestionDecision suggestion = SuggestionDecision.Pending,
        LinkSyncState? sync = null)
    {
        if (match.XpmUuid != xpm.XpmUuid)
        {
            throw new ArgumentException($"The match is for XPM client {match.XpmUuid}, not {xpm.XpmUuid}.", nameof(match));
        }

        var fields = ImportFields.For(level);
        return (match.Kind, suggestion) switch
        {
            (ClientMatchKind.None, _) => Create(xpm, fields, match.Reason),
            (ClientMatchKind.Suggested, SuggestionDecision.Pending) => new ImportPlanEntry(
                xpm.XpmUuid, xpm.Name, ImportAction.NeedsReview, match.ClientId, [],
                [match.Reason, "Accept or reject the suggestion; until then the import skips this client"]),
            (ClientMatchKind.Suggested, SuggestionDecision.Rejected) =>
                Create(xpm, fields, "Suggested match rejected — a new client will be created"),
            (ClientMatchKind.Suggested, SuggestionDecision.Accepted) =>
                Existing(xpm, match, current, fields, ImportAction.Link, [match.Reason, "Suggestion accepted"]),
            (ClientMatchKind.SameEmail, _) => Existing(xpm, match, current, fields, ImportAction.Link, [match.Reason]),
            (ClientMatchKind.Linked, _) when sync is not null => Linked(xpm, match, current, fields, sync, [match.Reason]),
            (ClientMatchKind.Linked, _) => Existing(xpm, match, current, fields, ImportAction.Update, [match.Reason]),
            _ => throw new ArgumentOutOfRangeException(nameof(match), match.Kind, null),
        };
    }

    /// <summary>
    /// The plan for one XPM staff member: create, link (same email), or update / unchanged (linked), over
    /// <see cref="ImportFields.Staff"/>, with the same rules as clients (trimmed, email ignoring case, blanks kept).
    /// </summary>
    public static ImportPlanEntry PlanStaff(XpmStaff xpm, StaffMatch match, PortalStaffSnapshot? current)
    {
        if (match.XpmUuid != xpm.Uuid)
        {
            throw new ArgumentException($"The match is for XPM staff member {match.XpmUuid}, not {xpm.Uuid}.", nameof(match));
        }

        var name = ImportText.Clean(xpm.Name) ?? "";
        var values = new[]
        {
            (ImportField.Name, ImportText.Clean(xpm.Name), current?.Name),
            (ImportField.Email, ImportText.Clean(xpm.Email), current?.Email),
            (ImportField.Phone, ImportText.Clean(xpm.Phone), current?.Phone),
            (ImportField.Mobile, ImportText.Clean(xpm.Mobile), current?.Mobile),
        };

        if (match.Kind == StaffMatchKind.None)
        {
            var created = values.Where(v => v.Item2 is not null).Select(v => new FieldChange(v.Item1, null, v.Item2)).ToArray();
            return new ImportPlanEntry(xpm.Uuid, name, ImportAction.Create, null, created, [match.Reason]);
        }

        if (current is null)
        {
            throw new ArgumentNullException(nameof(current), "A matched staff member needs its current values.");
        }

        var changes = new List<FieldChange>();
        var reasons = new List<string> { match.Reason };
        foreach (var (field, after, before) in values)
        {
            CompareText(field, after, before, changes, reasons);
        }

        var action = match.Kind == StaffMatchKind.SameEmail ? ImportAction.Link
            : changes.Count > 0 ? ImportAction.Update
            : ImportAction.Unchanged;
        return new ImportPlanEntry(xpm.Uuid, name, action, match.StaffMemberId, changes, reasons);
    }

    private static ImportPlanEntry Create(XpmClientSnapshot xpm, IReadOnlyList<ImportField> fields, string reason)
    {
        var changes = new List<FieldChange>();
        foreach (var field in ImportFields.AllContactDetails)
        {
            if ((fields.Contains(field) || field == ImportField.BusinessStructure) && Display(xpm, field) is { } value)
            {
                changes.Add(new FieldChange(field, null, value));
            }
        }

        return new ImportPlanEntry(xpm.XpmUuid, xpm.Name, ImportAction.Create, null, changes, [reason]);
    }

    /// <param name="changedAction">Link for a match by email or an accepted suggestion; Update for a linked client.</param>
    private static ImportPlanEntry Existing(
        XpmClientSnapshot xpm,
        ClientMatch match,
        PortalClientValues? current,
        IReadOnlyList<ImportField> fields,
        ImportAction changedAction,
        List<string> reasons)
    {
        if (current is null)
        {
            throw new ArgumentNullException(nameof(current), $"A {match.Kind} match needs the portal client's current values.");
        }

        var changes = new List<FieldChange>();
        foreach (var field in fields)
        {
            switch (field)
            {
                case ImportField.PhysicalAddress:
                    CompareAddress(field, xpm.PhysicalAddress, current.PhysicalAddress, changes, reasons);
                    break;
                case ImportField.PostalAddress:
                    CompareAddress(field, xpm.PostalAddress, current.PostalAddress, changes, reasons);
                    break;
                default:
                    CompareText(field, Display(xpm, field), Display(current, field), changes, reasons);
                    break;
            }
        }

        var action = changedAction == ImportAction.Update && changes.Count == 0 ? ImportAction.Unchanged : changedAction;
        return new ImportPlanEntry(xpm.XpmUuid, xpm.Name, action, match.ClientId, changes, reasons);
    }

    /// <summary>
    /// A linked client with its last-synced values: each field of the level by <see cref="ThreeWayCompare"/>. Only fields
    /// XPM changed (or won by policy) are written; portal changes stay pending; conflicts overwrite nothing.
    /// </summary>
    private static ImportPlanEntry Linked(
        XpmClientSnapshot xpm,
        ClientMatch match,
        PortalClientValues? current,
        IReadOnlyList<ImportField> fields,
        LinkSyncState sync,
        List<string> reasons)
    {
        if (current is null)
        {
            throw new ArgumentNullException(nameof(current), "A linked match needs the portal client's current values.");
        }

        var decisions = ThreeWayCompare.CompareAll(fields, sync.Base, current, PortalClientValues.From(xpm), sync.Pending, sync.Policies);
        var changes = new List<FieldChange>();
        foreach (var decision in decisions)
        {
            var label = ImportFields.Label(decision.Field);
            switch (decision.State)
            {
                case FieldSyncState.TakeXpm:
                    changes.Add(new FieldChange(decision.Field, decision.Portal, decision.Xpm));
                    break;
                case FieldSyncState.PendingSync:
                    reasons.Add($"{label} was changed in the portal — kept, pending sync to XPM");
                    break;
                case FieldSyncState.Conflict:
                    reasons.Add($"{label} was changed in both the portal and XPM — nothing overwritten, sent to Conflicts");
                    break;
                case FieldSyncState.Unchanged when !decision.HasBase && decision.Xpm is null && decision.Portal is not null:
                    reasons.Add(BlankKept(decision.Field));
                    break;
            }
        }

        return new ImportPlanEntry(xpm.XpmUuid, xpm.Name, changes.Count > 0 ? ImportAction.Update : ImportAction.Unchanged, match.ClientId, changes, reasons)
        {
            Pending = decisions.Where(d => d.State == FieldSyncState.PendingSync).ToList(),
            Conflicts = decisions.Where(d => d.State == FieldSyncState.Conflict).ToList(),
        };
    }

    private static void CompareText(ImportField field, string? xpm, string? portal, List<FieldChange> changes, List<string> reasons)
    {
        var after = ImportText.Clean(xpm);
        var before = ImportText.Clean(portal);
        if (after is null)
        {
            if (before is not null)
            {
                reasons.Add(BlankKept(field));
            }

            return;
        }

        var comparison = field == ImportField.Email ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!string.Equals(after, before, comparison))
        {
            changes.Add(new FieldChange(field, before, after));
        }
    }

    private static void CompareAddress(ImportField field, Address xpm, Address portal, List<FieldChange> changes, List<string> reasons)
    {
        if (xpm.IsEmpty)
        {
            if (!portal.IsEmpty)
            {
                reasons.Add(BlankKept(field));
            }

            return;
        }

        var same = Part(xpm.Street) == Part(portal.Street)
            && Part(xpm.City) == Part(portal.City)
            && Part(xpm.Region) == Part(portal.Region)
            && Part(xpm.PostCode) == Part(portal.PostCode)
            && Part(xpm.Country) == Part(portal.Country);
        if (!same)
        {
            changes.Add(new FieldChange(field, portal.IsEmpty ? null : portal.ToSingleLine(), xpm.ToSingleLine()));
        }
    }

    // A street may hold several lines; CRLF or LF, and spaces around each line, are not a difference.
    private static string? Part(string? value) =>
        ImportText.Clean(value) is { } text
            ? string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()))
            : null;

    private static string BlankKept(ImportField field) =>
        $"{ImportFields.Label(field)} is blank in XPM; the portal's value is kept";

    private static string? Display(XpmClientSnapshot xpm, ImportField field) => field switch
    {
        ImportField.Name => ImportText.Clean(xpm.Name),
        ImportField.FirstName => ImportText.Clean(xpm.FirstName),
        ImportField.LastName => ImportText.Clean(xpm.LastName),
        ImportField.Email => ImportText.Clean(xpm.Email),
        ImportField.Phone => ImportText.Clean(xpm.Phone),
        ImportField.Mobile => ImportText.Clean(xpm.Mobile),
        ImportField.PhysicalAddress => xpm.PhysicalAddress.IsEmpty ? null : xpm.PhysicalAddress.ToSingleLine(),
        ImportField.PostalAddress => xpm.PostalAddress.IsEmpty ? null : xpm.PostalAddress.ToSingleLine(),
        ImportField.DateOfBirth => xpm.DateOfBirth is { } dob ? ImportText.Date(dob) : null,
        ImportField.BusinessStructure => ImportText.Clean(xpm.BusinessStructure),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static string? Display(PortalClientValues portal, ImportField field) => field switch
    {
        ImportField.Name => portal.Name,
        ImportField.FirstName => portal.FirstName,
        ImportField.LastName => portal.LastName,
        ImportField.Email => portal.Email,
        ImportField.Phone => portal.Phone,
        ImportField.Mobile => portal.Mobile,
        ImportField.DateOfBirth => portal.DateOfBirth is { } dob ? ImportText.Date(dob) : null,
        ImportField.BusinessStructure => portal.BusinessStructure,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
