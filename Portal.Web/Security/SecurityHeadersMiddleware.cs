using Microsoft.Extensions.Options;
using Portal.Web.Identity;

namespace Portal.Web.Security;

/// <summary>
/// Security headers on every response, errors and static files included: added as the response starts, so an error
/// page that clears the headers still gets them.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, SignInModes modes, IOptions<EntraIdOptions> entraId)
{
    // Entra ID's sign-out is a redirect from the sign-out form's POST, which form-action also governs.
    private readonly string[] _formTargets = modes.EntraId && Uri.TryCreate(entraId.Value.Instance, UriKind.Absolute, out var instance)
        ? [instance.GetLeftPart(UriPartial.Authority)]
        : [];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy.Build(context.CspNonce(), _formTargets);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
