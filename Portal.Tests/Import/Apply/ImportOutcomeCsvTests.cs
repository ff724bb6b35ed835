using System.Text;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Plan;

namespace Portal.Import.Apply;

/// <summary>The outcome file carries text typed in XPM; a spreadsheet must never run it as a formula.</summary>
public sealed class ImportOutcomeCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"")]
    [InlineData("+61 400 000 000", "\"'+61 400 000 000\"")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\"")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0", "\"'@SUM(1+1)*cmd|' /C calc'!A0\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void Write_NameStartingWithAFormulaCharacter_IsEscapedAsText(string name, string expectedCell)
    {
        var csv = Write(Outcome(name));

        DataLine(csv).ShouldStartWith(expectedCell + ",");
    }

    [Fact]
    public void Write_FormulaInFieldsChangedOrReason_IsEscapedToo()
    {
        var outcome = Outcome("Ana Whitfield");
        outcome.FieldsChanged = "=1+1";
        outcome.Reason = "@cmd";

        var csv = Write(outcome);

        DataLine(csv).ShouldEndWith(",\"'=1+1\",\"'@cmd\"");
    }

    [Fact]
    public void Write_OrdinaryText_IsWrittenAsItIs()
    {
        var outcome = Outcome("O'Brien, Pat");
        outcome.FieldsChanged = "Email: a@x.example → b@x.example";

        var csv = Write(outcome);

        DataLine(csv).ShouldBe($"\"O'Brien, Pat\",Client,{outcome.XpmUuid},Update,Email: a@x.example → b@x.example,");
    }

    private static ImportOutcome Outcome(string name) => new()
    {
        RunId = 1,
        XpmUuid = Guid.Parse("0f6b9d2e-4c1a-4b7e-9a53-2d8c1e7f6a10"),
        RecordType = "Client",
        Name = name,
        Action = ImportAction.Update,
    };

    private static string Write(ImportOutcome outcome) => Encoding.UTF8.GetString(ImportOutcomeCsv.Write([outcome])).TrimStart('\uFEFF');

    /// <summary>The record after the header (records end with CRLF; a CR inside a quoted cell is not one).</summary>
    private static string DataLine(string csv)
    {
        csv.ShouldStartWith("Record,Type,XPM UUID,Action,Fields changed,Reason\r\n");
        return csv["Record,Type,XPM UUID,Action,Fields changed,Reason\r\n".Length..].TrimEnd('\r', '\n');
    }
}
