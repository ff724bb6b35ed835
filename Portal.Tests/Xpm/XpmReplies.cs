using System.Net;

namespace Portal.Xpm;

/// <summary>Gateway replies built in code: the ones whose point is their status and headers rather than a body.</summary>
internal static class XpmReplies
{
    /// <summary>The gateway's 429: empty body, no content type, Retry-After and the remaining-limit headers.</summary>
    public static HttpResponseMessage TooManyRequests(int retryAfterSeconds, string problem = "minute")
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Problem", problem);
        response.Headers.TryAddWithoutValidation("X-MinLimit-Remaining", "0");
        response.Headers.TryAddWithoutValidation("X-DayLimit-Remaining", "4539");
        response.Headers.TryAddWithoutValidation("X-AppMinLimit-Remaining", "9938");
        return response;
    }

    public static HttpResponseMessage WithLimits(this HttpResponseMessage response, int? day, int? minute, int? appMinute)
    {
        if (day is { } d)
        {
            response.Headers.TryAddWithoutValidation("X-DayLimit-Remaining", d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (minute is { } m)
        {
            response.Headers.TryAddWithoutValidation("X-MinLimit-Remaining", m.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (appMinute is { } a)
        {
            response.Headers.TryAddWithoutValidation("X-AppMinLimit-Remaining", a.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return response;
    }

    public static HttpResponseMessage GatewayJson(string fixture, HttpStatusCode status) =>
        StubXpmHandler.Fixture(fixture, "application/json", status);
}
