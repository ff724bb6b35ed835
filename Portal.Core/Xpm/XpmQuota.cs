using System.Globalization;
using System.Net.Http.Headers;

namespace Portal.Core.Xpm;

/// <summary>The latest <see cref="XpmQuotaSnapshot"/>, updated by every reply from XPM (retries and 429s included).</summary>
public sealed class XpmQuota(TimeProvider time)
{
    private readonly Lock _lock = new();
    private XpmQuotaSnapshot _current = XpmQuotaSnapshot.Empty;

    public XpmQuotaSnapshot Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    internal void Record(string path, string outcome, HttpResponseHeaders? headers)
    {
        var day = Remaining(headers, "X-DayLimit-Remaining");
        var minute = Remaining(headers, "X-MinLimit-Remaining");
        var appMinute = Remaining(headers, "X-AppMinLimit-Remaining");
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _current = new XpmQuotaSnapshot(
                day ?? _current.DayLimitRemaining,
                minute ?? _current.MinuteLimitRemaining,
                appMinute ?? _current.AppMinuteLimitRemaining,
                now,
                path,
                outcome);
        }
    }

    private static int? Remaining(HttpResponseHeaders? headers, string name) =>
        headers is not null
        && headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            ? remaining
            : null;
}
