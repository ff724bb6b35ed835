using System.Text;
using Portal.Core.Audit;

namespace Portal.Audit;

public sealed class AuditHistoryCsvTests
{
    [Fact]
    public void Write_ValuesAFormulaWouldRun_AreEscaped()
    {
        var row = new AuditHistoryRow(1, 7, "Email", "=HYPERLINK(\"https://evil.example\")", "@cmd", AuditSource.XpmImport, 3, "Sam Staff",
            new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));

        var csv = Encoding.UTF8.GetString(AuditHistoryCsv.Write([row]));

        csv.ShouldContain("\"'=HYPERLINK(\"\"https://evil.example\"\")\"");
        csv.ShouldContain("\"'@cmd\"");
    }

    [Fact]
    public void Write_ARow_SaysFieldSourceRunAndWho()
    {
        var row = new AuditHistoryRow(1, 7, "PhysicalAddress", null, "1 Main St", AuditSource.Undo, 12, "Mia Manager",
            new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));

        var lines = Encoding.UTF8.GetString(AuditHistoryCsv.Write([row])).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe("When (UTC),Record id,Field,Old value,New value,Source,Run,Who");
        lines[1].ShouldBe("2026-11-30 09:00:00,7,Physical address,,1 Main St,Undo,12,Mia Manager");
    }
}
