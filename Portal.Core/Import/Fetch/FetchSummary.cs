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
