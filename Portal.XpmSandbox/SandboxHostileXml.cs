using System.Text;

namespace Portal.XpmSandbox;

/// <summary>
/// Replies no real XPM sends, for proving a client refuses them: a DTD, an external entity, entity expansion
/// ("billion laughs") and deep nesting. Each is an otherwise plausible XPM envelope for the endpoint called.
/// </summary>
internal static class SandboxHostileXml
{
    public const int NestingDepth = 10_000;

    public static bool IsHostile(SandboxFaultKind? kind) =>
        kind is SandboxFaultKind.Dtd or SandboxFaultKind.ExternalEntity or SandboxFaultKind.EntityExpansion or SandboxFaultKind.DeepNesting;

    public static async Task WriteAsync(HttpResponse response, SandboxFaultKind kind, string apiMethod)
    {
        var (list, item) = Shape(SandboxGatewayFilter.ApiPath(response.HttpContext.Request.Path));
        var name = kind switch
        {
            SandboxFaultKind.ExternalEntity => "&xxe;",
            SandboxFaultKind.EntityExpansion => "&lol9;",
            _ => "Hostile Holdings Ltd",
        };
        var body = new StringBuilder();
        body.Append(kind switch
        {
            SandboxFaultKind.Dtd => "<!DOCTYPE Response [<!ELEMENT Response ANY>]>",
            SandboxFaultKind.ExternalEntity => "<!DOCTYPE Response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
            SandboxFaultKind.EntityExpansion => BillionLaughs(),
            _ => "",
        });
        body.Append($"<Response api-method=\"{apiMethod}\"><Status>OK</Status>");
        if (list is not null)
        {
            body.Append($"<{list}>");
        }

        body.Append($"<{item}><UUID>{Guid.NewGuid():D}</UUID><Name>{name}</Name>");
        if (kind == SandboxFaultKind.DeepNesting)
        {
            body.Append("<Notes>").Append(string.Concat(Enumerable.Repeat("<Note>", NestingDepth)))
                .Append(string.Concat(Enumerable.Repeat("</Note>", NestingDepth))).Append("</Notes>");
        }

        body.Append($"</{item}>");
        if (list is not null)
        {
            body.Append($"</{list}>");
        }

        body.Append("</Response>");
        response.StatusCode = 200;
        response.ContentType = "text/xml; charset=utf-8";
        await response.WriteAsync(body.ToString(), response.HttpContext.RequestAborted);
    }

    private static string BillionLaughs()
    {
        var dtd = new StringBuilder("<!DOCTYPE Response [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        return dtd.Append("]>").ToString();
    }

    private static (string? List, string Item) Shape(string apiPath) => apiPath.ToLowerInvariant() switch
    {
        var p when p.StartsWith("staff.api/list", StringComparison.Ordinal) => ("StaffList", "Staff"),
        var p when p.StartsWith("staff.api/", StringComparison.Ordinal) => (null, "Staff"),
        var p when p.StartsWith("clientgroup.api/list", StringComparison.Ordinal) => ("Groups", "Group"),
        var p when p.StartsWith("clientgroup.api/", StringComparison.Ordinal) => (null, "Group"),
        var p when p.StartsWith("client.api/list", StringComparison.Ordinal) || p.StartsWith("client.api/search", StringComparison.Ordinal)
            || p.StartsWith("client.api/paged-list", StringComparison.Ordinal) => ("Clients", "Client"),
        _ => (null, "Client"),
    };
}
