using System.Text;
using System.Text.Encodings.Web;

namespace Portal.XpmSandbox;

/// <summary>The sandbox's stand-in for Xero's login and consent screens: plain server-rendered HTML.</summary>
internal static class SandboxConsentPage
{
    private static readonly Dictionary<string, string> ScopeDescriptions = new()
    {
        ["openid"] = "Know who you are",
        ["profile"] = "See your name",
        ["email"] = "See your email address",
        ["offline_access"] = "Keep access while you are away (refresh tokens)",
        ["practicemanager.client"] = "View and manage clients, contacts and client groups",
        ["practicemanager.client.read"] = "View clients, contacts and client groups",
        ["practicemanager.staff"] = "View and manage staff",
        ["practicemanager.staff.read"] = "View staff",
        ["practicemanager.job"] = "View and manage jobs",
        ["practicemanager.job.read"] = "View jobs",
        ["practicemanager.time"] = "View and manage time",
        ["practicemanager.time.read"] = "View time",
        ["practicemanager"] = "View and manage all practice data (older broad scope)",
        ["practicemanager.read"] = "View all practice data (older broad scope)",
    };

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f3f5f7; color: #1f2933; margin: 0; }
        main { max-width: 34rem; margin: 3rem auto; background: #fff; border-radius: 8px; padding: 2rem; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
        .badge { display: inline-block; background: #fff4d6; color: #7a5500; border-radius: 4px; padding: .15rem .5rem; font-size: .8rem; }
        h1 { font-size: 1.4rem; margin: .75rem 0 1rem; }
        dt { font-weight: 600; margin-top: .75rem; } dd { margin: .25rem 0 0; }
        code { background: #eef1f4; padding: .05rem .3rem; border-radius: 3px; }
        ul { padding-left: 1.2rem; margin: .25rem 0 0; }
        .actions { display: flex; gap: .75rem; margin-top: 1.75rem; }
        button { font-size: 1rem; padding: .6rem 1.4rem; border-radius: 4px; border: 1px solid #13b5ea; cursor: pointer; }
        button.allow { background: #13b5ea; color: #fff; } button.cancel { background: #fff; color: #13b5ea; }
        """;

    public static IResult Render(SandboxAuthorizeRequest request, string requestId, IReadOnlyList<string> practices, string action, string? signedInAs)
    {
        var html = new StringBuilder();
        html.Append("<main><span class=\"badge\">XPM sandbox — not the real Xero</span>");
        html.Append("<h1>Allow <code>").Append(Encode(request.ClientId)).Append("</code> to access your practice?</h1>");
        html.Append("<p>Signed in as ").Append(Encode(signedInAs ?? "a portal user")).Append(", acting in XPM as ")
            .Append(Encode(SandboxIdentity.UserName)).Append(" (").Append(Encode(SandboxIdentity.UserEmail)).Append(").</p><dl>");
        html.Append("<dt>App</dt><dd><code>").Append(Encode(request.ClientId)).Append("</code></dd>");
        html.Append("<dt>").Append(practices.Count == 1 ? "Practice" : "Practices").Append("</dt><dd><ul>");
        foreach (var practice in practices)
        {
            html.Append("<li>").Append(Encode(practice)).Append("</li>");
        }

        html.Append("</ul></dd><dt>The app will be able to</dt><dd><ul>");
        foreach (var scope in request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<li>").Append(Encode(ScopeDescriptions.GetValueOrDefault(scope, scope)))
                .Append(" <code>").Append(Encode(scope)).Append("</code></li>");
        }

        html.Append("</ul></dd><dt>Then back to</dt><dd><code>").Append(Encode(request.RedirectUri)).Append("</code></dd></dl>");
        html.Append("<form method=\"post\" action=\"").Append(Encode(action)).Append("\">");
        html.Append("<input type=\"hidden\" name=\"request\" value=\"").Append(Encode(requestId)).Append("\">");
        html.Append("<div class=\"actions\"><button class=\"allow\" type=\"submit\" name=\"decision\" value=\"allow\">Allow access</button>");
        html.Append("<button class=\"cancel\" type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button></div></form></main>");
        return Page("Allow access · XPM sandbox", html.ToString(), StatusCodes.Status200OK);
    }

    public static IResult Error(string error, string description) =>
        Page("Error · XPM sandbox",
            $"<main><span class=\"badge\">XPM sandbox — not the real Xero</span><h1>Sorry, something went wrong</h1><p><code>{Encode(error)}</code></p><p>{Encode(description)}</p></main>",
            StatusCodes.Status400BadRequest);

    private static IResult Page(string title, string body, int status) =>
        Results.Content(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{Encode(title)}</title><style>{Style}</style></head><body>{body}</body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
