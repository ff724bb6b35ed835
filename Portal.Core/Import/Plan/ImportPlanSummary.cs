namespace Portal.Core.Import.Plan;

/// <summary>The counts the confirm step shows. <see cref="FieldChanges"/> counts fields of the entries that write.</summary>
public sealed record ImportPlanSummary(int Create, int Link, int Update, int Unchanged, int NeedsReview, int FieldChanges)
{
    /// <summary>
    /// XPM calls the import makes: none. The Fetch run already read everything and staged it in the database; the
    /// import plans and applies from those staged records, so it costs no XPM quota however many records it writes.
    /// </summary>
    public const int XpmCalls = 0;

    public int Total => Create + Link + Update + Unchanged + NeedsReview;

    /// <summary>Entries the import will write: creates, links and updates.</summary>
    public int ToWrite => Create + Link + Update;

    public static readonly ImportPlanSummary Empty = new(0, 0, 0, 0, 0, 0);

    public ImportPlanSummary Plus(ImportPlanSummary other) => new(
        Create + other.Create, Link + other.Link, Update + other.Update, Unchanged + other.Unchanged, NeedsReview + other.NeedsReview, FieldChanges + other.FieldChanges);

    public static ImportPlanSummary From(IEnumerable<ImportPlanEntry> entries)
    {
        int create = 0, link = 0, update = 0, unchanged = 0, needsReview = 0, fieldChanges = 0;
        foreach (var entry in entries)
        {
            switch (entry.Action)
            {
                case ImportAction.Create: create++; break;
                case ImportAction.Link: link++; break;
                case ImportAction.Update: update++; break;
                case ImportAction.Unchanged: unchanged++; break;
                case ImportAction.NeedsReview: needsReview++; break;
                default: throw new ArgumentOutOfRangeException(nameof(entries), entry.Action, null);
            }

            if (entry.WillWrite)
            {
                fieldChanges += entry.Fields.Count;
            }
        }

        return new ImportPlanSummary(create, link, update, unchanged, needsReview, fieldChanges);
    }
}
