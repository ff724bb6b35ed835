using System.Globalization;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;

namespace Portal.Web.Components.Pages.Import;

/// <summary>The detail levels in the user guide's words, as the Clients step offers them and the later steps recall them.</summary>
internal static class DetailLevelText
{
    public static string Choice(ImportDetailLevel level) => level switch
    {
        ImportDetailLevel.Basic => "Basic — name and email",
        _ => "All contact details — adds telephone and address",
    };

    public static string Chosen(ImportDetailLevel level) => level switch
    {
        ImportDetailLevel.Basic => "basic details: name and email",
        _ => "all contact details: name, email, telephone and address",
    };

    /// <summary>"3 clients' details will change", "1 client's and 2 entities' details will change".</summary>
    public static string Changes(DetailLevelChanges.Count count)
    {
        var clients = string.Create(CultureInfo.InvariantCulture, $"{count.Clients:N0} {(count.Clients == 1 ? "client's" : "clients'")}");
        return count.Entities == 0
            ? $"{clients} details will change"
            : string.Create(CultureInfo.InvariantCulture, $"{clients} and {count.Entities:N0} {(count.Entities == 1 ? "entity's" : "entities'")} details will change");
    }
}
