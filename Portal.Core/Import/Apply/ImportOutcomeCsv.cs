using System.Text;
using CsvHelper;

namespace Portal.Core.Import.Apply;

/// <summary>Writes outcomes as RFC 4180 CSV with CsvHelper (quoting of commas, quotes and new lines in names is its job).</summary>
public static class ImportOutcomeCsv
{
    public static byte[] Write(IEnumerable<ImportOutcome> outcomes)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default, leaveOpen: true))
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
