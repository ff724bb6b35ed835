using System.Text.Json;
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
    public SyncBase AgreeWhereEqual(PortalClientValues portal, PortalClientValues xpm)
    {
        var same = SyncFields.All.Where(f => SyncFields.Same(portal, xpm, f)).ToList();
        return same.Count == 0 ? this : this with
        {
            Values = same.Aggregate(Values, (values, field) => values.With(xpm, field)),
            Agreed = new HashSet<ImportField>(Agreed.Concat(same)),
        };
    }

    public string ToJson() => JsonSerializer.Serialize(new Stored(2, Values, Agreed.Order().ToList()));

    /// <summary>Reads a link's stored values. Links written before this format held XPM's whole snapshot: no field has a base.</summary>
    public static SyncBase Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return None;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(json);
            return stored is { Format: 2, Values: not null }
                ? new SyncBase { Values = stored.Values, Agreed = (stored.Agreed ?? []).ToHashSet() }
                : None;
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private sealed record Stored(int Format, PortalClientValues? Values, List<ImportField>? Agreed);
}
