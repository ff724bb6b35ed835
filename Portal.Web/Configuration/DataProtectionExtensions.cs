using Microsoft.AspNetCore.DataProtection;

namespace Portal.Web.Configuration;

public static class DataProtectionExtensions
{
    /// <summary>
    /// One key ring for the whole app (sign-in cookies, antiforgery, the XPM tokens stored encrypted), kept under
    /// the content root's data/keys so a restart can still read what an earlier run protected.
    /// </summary>
    public static WebApplicationBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        var keys = new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, "data", "keys"));
        builder.Services.AddDataProtection().SetApplicationName("Portal").PersistKeysToFileSystem(keys);
        return builder;
    }
}
