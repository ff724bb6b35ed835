using System.Globalization;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// What a finished fetch offers for review, in the words the email and the Manage page both use: the counts the
/// stepper will show, then how many XPM clients were left out and why.
/// </summary>
public static class FetchSummary
{
    /// <summary>"25 staff, 92 clients and 43 entities to review".</summary>
    public static string Offered(ImportRun run) => Offered(run.StaffCount, run.ClientCount, run.EntityCount);

    public static string Offered(ImportProgressSnapshot fetch) => Offered(fetch.StaffCount, fetch.ClientCount, fetch.EntityCount);

    /// <summary>" 3 clients archived and 2 deleted in Xero Practice Manager were left out.", or empty when none were.</summary>
    public static string LeftOut(ImportRun run) => LeftOut(run.ArchivedLeftOut, run.DeletedLeftOut);

    public static string LeftOut(ImportProgressSnapshot fetch) => LeftOut(fetch.ArchivedLeftOut, fetch.DeletedLeftOut);

    /// <summary>
    /// For a fetch that read only what changed: " Only changes made in Xero Practice Manager since … were read.", or,
    /// when it found none, " Nothing has changed in Xero Practice Manager since the last import."; empty for a full read.
    /// </summary>
    public static string Delta(ImportRun run) => Delta(run.ModifiedSince, run.StaffCount + run.ClientCount + run.EntityCount);

    public static string Delta(ImportProgressSnapshot fetch) => Delta(fetch.ModifiedSince, fetch.StaffCount + fetch.ClientCount + fetch.EntityCount);

    /// <summary>A delta fetch that offers nothing: there is nothing to review.</summary>
    public static bool NothingChanged(ImportProgressSnapshot fetch) =>
        fetch.ModifiedSince is not null && fetch.StaffCount + fetch.ClientCount + fetch.EntityCount == 0;

    private static string Delta(DateTime? since, int offered) => (since, offered) switch
    {
        (null, _) => "",
        (_, 0) => " Nothing has changed in Xero Practice Manager since the last import.",
        ({ } when, _) => string.Create(CultureInfo.InvariantCulture, $" Only changes made in Xero Practice Manager since {when:d MMM yyyy HH:mm} UTC were read."),
    };

    private static string Offered(int staff, int clients, int entities) => $"{Counted(staff, clients, entities)} to review";

    /// <summary>"25 staff, 1 client and 43 entities".</summary>
    public static string Counted(int staff, int clients, int entities) =>
        string.Create(CultureInfo.InvariantCulture, $"{staff:N0} staff, {Clients(clients)} and {entities:N0} {(entities == 1 ? "entity" : "entities")}");

    private static string LeftOut(int archived, int deleted)
    {
        var total = archived + deleted;
        var what = (archived, deleted) switch
        {
            (0, 0) => null,
            (_, 0) => $"{Clients(archived)} archived",
            (0, _) => $"{Clients(deleted)} deleted",
            _ => $"{Clients(archived)} archived and {deleted:N0} deleted",
        };

        return what is null ? "" : string.Create(CultureInfo.InvariantCulture, $" {what} in Xero Practice Manager {(total == 1 ? "was" : "were")} left out.");
    }

    private static string Clients(int count) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? "client" : "clients")}");
}
