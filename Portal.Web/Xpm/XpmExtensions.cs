using Microsoft.AspNetCore.DataProtection;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Connection;

namespace Portal.Web.Xpm;

public static class XpmExtensions
{
    /// <summary>The XPM client, the connection (OAuth, encrypted tokens) and, with the sandbox on, where to find it.</summary>
    public static WebApplicationBuilder AddPortalXpm(this WebApplicationBuilder builder)
    {
        var keys = new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, "data", "keys"));
        builder.Services.AddDataProtection().SetApplicationName("Portal").PersistKeysToFileSystem(keys);
        builder.Services.AddXpmClient();
        builder.Services.AddXpmConnection();
        return builder;
    }

    public static WebApplication MapPortalXpm(this WebApplication app)
    {
        app.MapXpmConnectEndpoints();
        return app;
    }
}
