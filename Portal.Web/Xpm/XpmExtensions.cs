using Portal.Core.Xpm;
using Portal.Core.Xpm.Connection;

namespace Portal.Web.Xpm;

public static class XpmExtensions
{
    /// <summary>The XPM client and the connection (OAuth, tokens encrypted with the host's Data Protection).</summary>
    public static WebApplicationBuilder AddPortalXpm(this WebApplicationBuilder builder)
    {
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
