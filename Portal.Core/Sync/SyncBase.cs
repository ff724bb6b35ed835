using System.Text.Json;
using Portal.Core.Common;
using Portal.Core.Import.Plan;

namespace Portal.Core.Sync;

/// <summary>
/// A link's last-synced values: what the portal and XPM agreed on last, field by field; the base of every three-way
/// compare. Only <see cref="Agreed"/> fields have a base: a field never agreed (not copied at the import's detail level,
/// a blank XPM value kept, or a link stored before this format) has none, and is compared as the first import does.
/// </summary>
public sealed record SyncBase
{
    public static readonly SyncBase None = new();

    public PortalClientValues Values { get; init; } = new() { Name = "" };

    public IReadOnlySet<ImportField> Agreed { get; init; } = new HashSet<ImportField>();

    public bool Knows(ImportField field) => Agreed.Contains(field);

    /// <summary>The base with <paramref name="field"/> agreed at <paramref name="values"/>' value.</summary>
    public SyncBase Agree(PortalClientValues values, ImportField field) => this with
    {
        Values = Values.With(values, field),
        Agreed = new HashSet<ImportField>(Agreed) { field },
    };

    /// <summary>Every field on which <paramref name="portal"/> and <paramref name="xpm"/> now hold the same value becomes agreed at it.</summary>
    /// <remarks>One new base, not one per field: an import calls this for every linked client.</remarks>
    /// <returns>This very base when nothing changes (every such field already agreed at that value), so a caller can keep its stored JSON.</returns>
    public SyncBase AgreeWhereEqual(PortalClientValues portal, PortalClientValues xpm)
    {
        // Called for every client an import writes, so a value is copied only where it differs, and all at once: when the two
        // sides agree on every field (every client an import creates), the base is XPM's values as they are.
        HashSet<ImportField>? agreed = null;
        List<ImportField>? copy = null;
        var same = 0;
        foreach (var field in SyncFields.All)
        {
            if (!SyncFields.Same(portal, xpm, field))
            {
                continue;
            }

            same++;
            if (!Agreed.Contains(field))
            {
                if (agreed is null)
                {
                    agreed = new HashSet<ImportField>(SyncFields.All.Count);
                    agreed.UnionWith(Agreed);
                }

                agreed.Add(field);
            }

            if (!SyncFields.Equal(Values, xpm, field))
            {
                (copy ??= new List<ImportField>(SyncFields.All.Count)).Add(field);
            }
        }

        var values = copy is null ? Values
            : same == SyncFields.All.Count ? xpm
            : copy.Aggregate(Values, (next, field) => next.With(xpm, field));
        return agreed is null && copy is null ? this : this with { Values = values, Agreed = agreed ?? Agreed };
    }

    public string ToJson() => JsonSerializer.Serialize(new Stored(2, Values, Agreed.Order().ToList()), PortalJson.Default.Stored);

    /// <summary>Reads a link's stored values. Links written before this format held XPM's whole snapshot: no field has a base.</summary>
    public static SyncBase Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return None;
        }

        try
        {
            var stored = JsonSerializer.Deserialize(json, PortalJson.Default.Stored);
            return stored is { Format: 2, Values: not null }
                ? new SyncBase { Values = stored.Values, Agreed = (stored.Agreed ?? []).ToHashSet() }
                : None;
        }
        catch (JsonException)
        {
            return None;
        }
    }

    internal sealed record Stored(int Format, PortalClientValues? Values, List<ImportField>? Agreed);
}
