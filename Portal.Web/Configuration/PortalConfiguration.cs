using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Portal.Web.Configuration;

public static class PortalConfiguration
{
    /// <summary>
    /// The portal's appsettings.json lives at the repository root and is copied beside the app's dll.
    /// Under <c>dotnet run</c> the content root (Portal.Web/) has no copy, so read the one beside the dll,
    /// in the same place in the chain: environment files, user secrets and variables still win.
    /// </summary>
    public static WebApplicationBuilder UsePortalSettingsFile(this WebApplicationBuilder builder)
    {
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            return builder;
        }

        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: "appsettings.json" } json)
            {
                json.FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory);
                json.ReloadOnChange = false;
                builder.Configuration.Sources[i] = json;
                break;
            }
        }

        return builder;
    }
}
