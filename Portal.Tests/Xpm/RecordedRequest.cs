namespace Portal.Xpm;

/// <summary>What <see cref="StubXpmHandler"/> saw of one request, copied while it was sent.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string? TenantId,
    string? ContentType,
    string? Body,
    DateTimeOffset At)
{
    public string PathAndQuery => Uri.PathAndQuery;
}
