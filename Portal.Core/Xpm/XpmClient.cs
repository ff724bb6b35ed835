using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Portal.Core.Common;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

/// <summary>
/// The typed <see cref="HttpClient"/> for XPM. Resilience (429 waits, retries, circuit breaker, timeouts) and
/// per-tenant pacing live in the handler pipeline registered by <see cref="XpmServiceCollectionExtensions.AddXpmClient"/>;
/// this class adds the token, reads the reply and turns every failure into a typed error.
/// </summary>
public sealed class XpmClient(
    HttpClient http,
    IXpmTokenSource tokens,
    XpmXmlParser parser,
    IOptions<XpmOptions> options,
    TimeProvider time,
    ILogger<XpmClient> logger) : IXpmClient
{
    private const int MaxErrorBodyChars = 16 * 1024;

    public Task<Result<XpmStream<XpmStaff>>> GetStaffAsync(CancellationToken cancellationToken) =>
        OpenListAsync(Call.Get("staff.api/list"), XpmListShapes.Staff, cancellationToken);

    public Task<Result<XpmStaff>> GetStaffMemberAsync(Guid uuid, CancellationToken cancellationToken) =>
        ReadOneAsync(Call.Get($"staff.api/get/{uuid:D}"), XpmRecordShapes.Staff, cancellationToken);

    public Task<Result<XpmStream<XpmClientRecord>>> GetClientsAsync(
        bool detailed = true, DateTime? modifiedSince = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (detailed)
        {
            query.Add("detailed=true");
        }

        if (modifiedSince is { } since)
        {
            query.Add("modifiedsince=" + Uri.EscapeDataString(FormatUtc(since)));
        }

        var path = query.Count == 0 ? "client.api/list" : "client.api/list?" + string.Join('&', query);
        return OpenListAsync(Call.Get(path), XpmListShapes.Clients, cancellationToken);
    }

    public Task<Result<XpmClientRecord>> GetClientAsync(Guid uuid, CancellationToken cancellationToken) =>
        ReadOneAsync(Call.Get($"client.api/get/{uuid:D}"), XpmRecordShapes.Client, cancellationToken);

    public async Task<Result<XpmContactPage>> GetContactsPageAsync(string? pageToken, CancellationToken cancellationToken)
    {
        var call = Call.Get("client.api/contacts?pageSize=500" + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken)));
        var sent = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (!sent.Succeeded)
        {
            return sent.Error!;
        }

        var (body, scope) = sent.Value;
        using (scope)
        {
            return LogFailure(call, await parser.ReadContactsPageAsync(body, scope).ConfigureAwait(false));
        }
    }

    public Task<Result<XpmStream<XpmGroup>>> GetClientGroupsAsync(CancellationToken cancellationToken) =>
        OpenListAsync(Call.Get("clientgroup.api/list"), XpmListShapes.Groups, cancellationToken);

    public Task<Result<XpmGroup>> GetClientGroupAsync(Guid uuid, CancellationToken cancellationToken) =>
        ReadOneAsync(Call.Get($"clientgroup.api/get/{uuid:D}"), XpmRecordShapes.Group, cancellationToken);

    public Task<Result<XpmClientRecord>> UpdateClientAsync(XpmClientUpdate client, CancellationToken cancellationToken) =>
        ReadOneAsync(Call.Put("client.api/update", XpmRequestXml.ClientUpdate(client)), XpmRecordShapes.Client, cancellationToken);

    public Task<Result<XpmClientRecord>> AddClientAsync(XpmNewClient client, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(client.Name, nameof(client));
        return ReadOneAsync(Call.Post("client.api/add", XpmRequestXml.NewClient(client)), XpmRecordShapes.Client, cancellationToken);
    }

    public Task<Result<XpmContact>> UpdateContactAsync(Guid contactUuid, XpmContactUpdate contact, CancellationToken cancellationToken)
    {
        if (contact.ClientUuid is null && (contact.Position is not null || contact.IsPrimary is not null))
        {
            throw new ArgumentException("Position and IsPrimary belong to a client's link to the contact: set ClientUuid too.", nameof(contact));
        }

        return ReadOneAsync(
            Call.Put($"client.api/contact/{contactUuid:D}", XpmRequestXml.Contact(contact)), XpmRecordShapes.Contact, cancellationToken);
    }

    public Task<Result<XpmContact>> AddContactAsync(XpmContactUpdate contact, CancellationToken cancellationToken)
    {
        if (contact.ClientUuid is null)
        {
            throw new ArgumentException("XPM adds a contact to a client: set ClientUuid.", nameof(contact));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(contact.Name, nameof(contact));
        return ReadOneAsync(Call.Post("client.api/contact", XpmRequestXml.Contact(contact)), XpmRecordShapes.Contact, cancellationToken);
    }

    /// <summary>XPM's <c>modifiedsince</c> format: UTC, no zone suffix. Unspecified times are taken as UTC already.</summary>
    internal static string FormatUtc(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<Result<XpmStream<T>>> OpenListAsync<T>(Call call, XpmListShape<T> shape, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (!sent.Succeeded)
        {
            return sent.Error!;
        }

        var (body, scope) = sent.Value;
        var opened = await parser.OpenListAsync(body, shape, scope, cancellationToken).ConfigureAwait(false);
        return LogFailure(call, opened);
    }

    private async Task<Result<T>> ReadOneAsync<T>(Call call, XpmRecordShape<T> shape, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (!sent.Succeeded)
        {
            return sent.Error!;
        }

        var (body, scope) = sent.Value;
        using (scope)
        {
            var read = await parser.ReadSingleAsync(body, shape, scope, cancellationToken).ConfigureAwait(false);
            return LogFailure(call, read);
        }
    }

    /// <summary>
    /// Sends the call with a bearer token (refreshing it once on 401 TokenExpired) and checks everything that can be
    /// checked before the body is parsed. On success the caller owns the returned scope (the response and its slot).
    /// </summary>
    private async Task<Result<(Stream Body, XpmReplyScope Scope)>> SendAsync(Call call, CancellationToken cancellationToken)
    {
        if (http.BaseAddress is null)
        {
            return new XpmNotConfiguredError();
        }

        var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (!token.Succeeded)
        {
            return token.Error!;
        }

        var refreshed = false;
        while (true)
        {
            var request = call.CreateRequest(token.Value!);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Unavailable(ex, call) is { } error)
            {
                request.Dispose();
                return LogFailure(call, error);
            }
            catch
            {
                request.Dispose();
                throw;
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var checkedReply = CheckSuccessReply(response);
                if (checkedReply is not null)
                {
                    Dispose(response, request);
                    return LogFailure(call, checkedReply);
                }

                try
                {
                    var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    return (body, new XpmReplyScope(cancellationToken, options.Value.RequestTimeout, time, response, request));
                }
                catch
                {
                    Dispose(response, request);
                    throw;
                }
            }

            Error failure;
            try
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    var detail = await ReadGatewayDetailAsync(response, cancellationToken).ConfigureAwait(false);
                    if (!refreshed && detail?.StartsWith("TokenExpired", StringComparison.OrdinalIgnoreCase) == true)
                    {
                        refreshed = true;
                        logger.LogInformation("XPM said the access token expired; refreshing it once and repeating {Method} {Path}", call.Method, call.PathOnly);
                        token = await tokens.RefreshAfterUnauthorizedAsync(token.Value!.AccessToken, cancellationToken).ConfigureAwait(false);
                        if (!token.Succeeded)
                        {
                            return LogFailure(call, token.Error!);
                        }

                        continue;
                    }

                    failure = new XpmUnauthorizedError(detail);
                    await tokens.ReportRefusedAsync(token.Value!.AccessToken, failure.Message, cancellationToken).ConfigureAwait(false);
                }
                else if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    failure = new XpmForbiddenError(await ReadGatewayDetailAsync(response, cancellationToken).ConfigureAwait(false));
                }
                else if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // Only reaches here when Retry-After exceeds Xpm:MaxRetryAfter; shorter waits are retried by the pipeline.
                    failure = new XpmRateLimitedError(RetryAfter(response, time), HeaderValue(response, "X-Rate-Limit-Problem"));
                }
                else if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
                {
                    var detail = await ReadGatewayDetailAsync(response, cancellationToken).ConfigureAwait(false);
                    failure = new XpmUnavailableError(
                        $"HTTP {status} {response.ReasonPhrase}{(detail is null ? "" : $" ({detail})")}"
                        + (call.Method == HttpMethod.Post
                            ? "; not retried because XPM may have applied it: check XPM before trying again"
                            : " after retrying"));
                }
                else if (IsXml(response))
                {
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    failure = (Error?)await parser.ReadApplicationErrorAsync(body, status, cancellationToken).ConfigureAwait(false)
                        ?? new XpmUnexpectedResponseError(status, response.Content.Headers.ContentType?.MediaType);
                }
                else
                {
                    failure = new XpmUnexpectedResponseError(
                        status, response.Content.Headers.ContentType?.MediaType, await ReadGatewayDetailAsync(response, cancellationToken).ConfigureAwait(false));
                }
            }
            finally
            {
                Dispose(response, request);
            }

            return LogFailure(call, failure);
        }
    }

    private Error? CheckSuccessReply(HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        // No content type at all is tolerated (the parser still refuses anything that is not an XPM reply).
        if (!string.IsNullOrEmpty(mediaType) && !IsXml(response))
        {
            return new XpmUnexpectedResponseError((int)response.StatusCode, mediaType);
        }

        return response.Content.Headers.ContentLength > options.Value.MaxResponseBytes
            ? new XpmResponseTooLargeError(options.Value.MaxResponseBytes)
            : null;
    }

    private static bool IsXml(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true;

    private Error? Unavailable(Exception ex, Call call) => ex switch
    {
        BrokenCircuitException => new XpmUnavailableError("calls to XPM are paused for a short while after repeated failures"),
        TimeoutRejectedException => new XpmUnavailableError(
            $"no reply to {call.Method} {call.PathOnly} within {options.Value.RequestTimeout} (Xpm:RequestTimeout)"
            + (call.Method == HttpMethod.Post ? "; not retried because XPM may have applied it" : " after retrying")),
        HttpRequestException => new XpmUnavailableError($"could not reach XPM ({ex.Message})"),
        OperationCanceledException => new XpmUnavailableError("the request to XPM timed out"),
        _ => null,
    };

    /// <summary>
    /// The <c>Detail</c> of the gateway's JSON problem body (<c>TokenExpired: …</c>, <c>AuthenticationUnsuccessful</c>).
    /// Anything else, including invalid JSON or an HTML page, gives null rather than an exception.
    /// </summary>
    private static async Task<string?> ReadGatewayDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            var buffer = new char[MaxErrorBodyChars];
            var read = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
            text = new string(buffer, 0, read);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return null;
        }

        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Name.Equals("Detail", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static void Dispose(HttpResponseMessage response, HttpRequestMessage request)
    {
        response.Dispose();
        request.Dispose();
    }

    private Result<T> LogFailure<T>(Call call, Result<T> result)
    {
        if (!result.Succeeded)
        {
            logger.LogWarning("XPM call {Method} {Path} failed with {ErrorType}", call.Method, call.PathOnly, result.Error!.GetType().Name);
        }

        return result;
    }

    private Error LogFailure(Call call, Error error)
    {
        logger.LogWarning("XPM call {Method} {Path} failed with {ErrorType}", call.Method, call.PathOnly, error.GetType().Name);
        return error;
    }

    private sealed record Call(HttpMethod Method, string Path, byte[]? Body)
    {
        public static Call Get(string path) => new(HttpMethod.Get, path, null);
        public static Call Put(string path, byte[] body) => new(HttpMethod.Put, path, body);
        public static Call Post(string path, byte[] body) => new(HttpMethod.Post, path, body);

        public string PathOnly => Path.Split('?')[0];

        /// <summary>A fresh message per send: a message can be sent once, and the 401 refresh sends the call again.</summary>
        public HttpRequestMessage CreateRequest(XpmAccessToken token)
        {
            var request = new HttpRequestMessage(Method, Path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            request.Headers.TryAddWithoutValidation(XpmPacingHandler.TenantHeader, token.TenantId);
            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" } } };
            }

            return request;
        }
    }
}
