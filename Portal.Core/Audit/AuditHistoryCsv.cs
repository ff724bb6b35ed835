using System.Text;
using CsvHelper;
using Portal.Core.Import.Plan;

namespace Portal.Core.Audit;

/// <summary>
/// A record's (or a run's) field changes as CSV. Values come from XPM and from users, so cells that a spreadsheet would
/// run as a formula are escaped, as <see cref="Import.Apply.ImportOutcomeCsv"/> does (CSV injection, OWASP).
/// </summary>
public static class AuditHistoryCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static byte[] Write(IEnumerable<AuditHistoryRow> rows)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var header in (string[])["When (UTC)", "Record id", "Field", "Old value", "New value", "Source", "Run", "Who"])
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.ChangedAt.ToString("yyyy-MM-dd HH:mm:ss"));
                csv.WriteField(row.RecordId.ToString());
                csv.WriteField(AuditText.FieldLabel(row.Field));
                csv.WriteField(row.OldValue ?? "");
                csv.WriteField(row.NewValue ?? "");
                csv.WriteField(AuditText.SourceLabel(row.Source));
                csv.WriteField(row.RunId?.ToString() ?? "");
                csv.WriteField(row.ChangedBy);
                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }
}
