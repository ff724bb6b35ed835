using System.Text;
using CsvHelper;

namespace Portal.Core.Import.Apply;

/// <summary>
/// Writes outcomes as RFC 4180 CSV with CsvHelper (quoting of commas, quotes and new lines in names is its job).
/// Names, fields and reasons come from XPM, so anyone who can edit a client there chooses their text: a cell
/// starting with <c>= + - @</c>, tab or CR is escaped with a leading <c>'</c> (and quoted), which a spreadsheet shows
/// as text instead of running it as a formula (CSV injection, OWASP).
/// </summary>
public static class ImportOutcomeCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static byte[] Write(IEnumerable<ImportOutcome> outcomes)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var header in (string[])["Record", "Type", "XPM UUID", "Action", "Fields changed", "Reason"])
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var outcome in outcomes)
            {
                csv.WriteField(outcome.Name);
                csv.WriteField(outcome.RecordType);
                csv.WriteField(outcome.XpmUuid.ToString());
                csv.WriteField(outcome.Action.ToString());
                csv.WriteField(outcome.FieldsChanged ?? "");
                csv.WriteField(outcome.Reason ?? "");
                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }
}
