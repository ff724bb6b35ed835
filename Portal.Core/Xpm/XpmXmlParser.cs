using System.Xml;
using Portal.Core.Common;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

/// <summary>
/// Reads XPM's XML replies with a forward-only <see cref="XmlReader"/>: the envelope's <c>&lt;Status&gt;</c> first,
/// then list items one subtree at a time. The whole document is never loaded. DTDs are refused and nothing is
/// resolved, so entity-expansion and external-entity replies fail cleanly.
/// </summary>
public sealed partial class XpmXmlParser(long maxResponseBytes = XpmOptions.DefaultMaxResponseBytes)
{
    /// <summary>
    /// XPM's deepest element sits six levels down (Response/Clients/Client/Relationships/Relationship/RelatedClient/UUID);
    /// a reply nested far deeper is hostile or broken. XmlReader has no depth limit of its own: <see cref="XpmRecordReader"/>
    /// checks every element of an item, read or skipped, as it passes.
    /// </summary>
    internal const int MaxDepth = 32;

    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>Streams <c>staff.api/list</c>. The returned stream owns <paramref name="body"/>.</summary>
    public Task<Result<XpmStream<XpmStaff>>> ReadStaffListAsync(Stream body, CancellationToken cancellationToken) =>
        OpenListAsync(body, XpmListShapes.Staff, new XpmReplyScope(cancellationToken, null, TimeProvider.System, body), cancellationToken);

    /// <summary>Streams <c>client.api/list</c>, <c>search</c> or <c>paged-list</c>. The returned stream owns <paramref name="body"/>.</summary>
    public Task<Result<XpmStream<XpmClientRecord>>> ReadClientsAsync(Stream body, CancellationToken cancellationToken) =>
        OpenListAsync(body, XpmListShapes.Clients, new XpmReplyScope(cancellationToken, null, TimeProvider.System, body), cancellationToken);

    /// <summary>Streams <c>clientgroup.api/list</c>. The returned stream owns <paramref name="body"/>.</summary>
    public Task<Result<XpmStream<XpmGroup>>> ReadGroupsAsync(Stream body, CancellationToken cancellationToken) =>
        OpenListAsync(body, XpmListShapes.Groups, new XpmReplyScope(cancellationToken, null, TimeProvider.System, body), cancellationToken);

    /// <summary>Reads a single staff member; like every single-record read, it leaves <paramref name="body"/> open.</summary>
    public Task<Result<XpmStaff>> ReadStaffAsync(Stream body, CancellationToken cancellationToken) =>
        ReadSingleAsync(body, XpmRecordShapes.Staff, NoScope(cancellationToken), cancellationToken);

    /// <summary>Reads a <c>get</c>, <c>add</c> or <c>update</c> reply; <c>WebUrl</c> may sit inside the client or beside it.</summary>
    public Task<Result<XpmClientRecord>> ReadClientAsync(Stream body, CancellationToken cancellationToken) =>
        ReadSingleAsync(body, XpmRecordShapes.Client, NoScope(cancellationToken), cancellationToken);

    public Task<Result<XpmGroup>> ReadGroupAsync(Stream body, CancellationToken cancellationToken) =>
        ReadSingleAsync(body, XpmRecordShapes.Group, NoScope(cancellationToken), cancellationToken);

    public Task<Result<XpmContact>> ReadContactAsync(Stream body, CancellationToken cancellationToken) =>
        ReadSingleAsync(body, XpmRecordShapes.Contact, NoScope(cancellationToken), cancellationToken);

    internal async Task<Result<XpmStream<T>>> OpenListAsync<T>(Stream body, XpmListShape<T> shape, XpmReplyScope scope, CancellationToken cancellationToken)
    {
        var limited = new XpmBodyStream(body, maxResponseBytes) { ReadCancellation = scope.Token };
        var reader = XmlReader.Create(limited, Settings);
        var handedOver = false;
        try
        {
            var envelope = await ReadEnvelopeAsync(reader, shape.ListElement, scope.Token).ConfigureAwait(false);
            if (!envelope.Succeeded)
            {
                return envelope.Error!;
            }

            handedOver = true;
            return new XpmStream<T>(new XpmListCursor<T>(reader, limited, shape, envelope.Value!.HasPayload), scope);
        }
        catch (Exception ex) when (Translate(ex, limited, scope) is { } error)
        {
            return error;
        }
        finally
        {
            if (!handedOver)
            {
                reader.Dispose();
                limited.Dispose();
                scope.Dispose();
            }
        }
    }

    internal async Task<Result<T>> ReadSingleAsync<T>(
        Stream body, XpmRecordShape<T> shape, XpmReplyScope scope, CancellationToken cancellationToken)
    {
        var element = shape.Element;
        var limited = new XpmBodyStream(body, maxResponseBytes) { ReadCancellation = scope.Token };
        using var reader = XmlReader.Create(limited, Settings);
        try
        {
            var opened = await ReadEnvelopeAsync(reader, element, scope.Token).ConfigureAwait(false);
            if (!opened.Succeeded)
            {
                return opened.Error!;
            }

            var envelope = opened.Value!;
            if (!envelope.HasPayload)
            {
                return new XpmMalformedResponseError($"the reply has <Status>OK</Status> but no <{element}>");
            }

            var depth = reader.Depth;
            var item = await shape.Read(new XpmRecordReader(reader)).ConfigureAwait(false);

            var webUrl = envelope.WebUrl;
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth && reader.LocalName == "WebUrl")
                {
                    webUrl ??= await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                }
            }

            return shape.WithResponseWebUrl is { } withWebUrl && !string.IsNullOrEmpty(webUrl) ? withWebUrl(item, webUrl) : item;
        }
        catch (Exception ex) when (Translate(ex, limited, scope) is { } error)
        {
            return error;
        }
    }

    /// <summary>The <c>&lt;Status&gt;ERROR</c> of an XML reply that came with an error status code, if it has one.</summary>
    internal async Task<XpmApplicationError?> ReadApplicationErrorAsync(Stream body, int statusCode, CancellationToken cancellationToken)
    {
        var limited = new XpmBodyStream(body, maxResponseBytes) { ReadCancellation = cancellationToken };
        using var reader = XmlReader.Create(limited, Settings);
        try
        {
            var envelope = await ReadEnvelopeAsync(reader, payloadElement: null, cancellationToken).ConfigureAwait(false);
            return envelope.Error is XpmApplicationError error ? error with { StatusCode = statusCode } : null;
        }
        catch (Exception ex) when (ex is XmlException or XpmException or IOException)
        {
            return null;
        }
    }

    private sealed record Envelope(bool HasPayload, string? WebUrl);

    /// <summary>
    /// Reads <c>&lt;Response&gt;</c> up to the payload element, checking <c>&lt;Status&gt;</c> on the way. Leaves the
    /// reader on the payload's start tag, or past <c>&lt;/Response&gt;</c> when there is none.
    /// The <c>api-method</c> attribute is ignored on purpose: XPM answers an add with "Get" and a delete with "Contact".
    /// </summary>
    private static async Task<Result<Envelope>> ReadEnvelopeAsync(XmlReader reader, string? payloadElement, CancellationToken cancellationToken)
    {
        if (await reader.MoveToContentAsync().ConfigureAwait(false) != XmlNodeType.Element)
        {
            return new XpmMalformedResponseError("the reply has no root element");
        }

        if (reader.LocalName != "Response")
        {
            return new XpmMalformedResponseError($"expected an XPM <Response> but the root element is <{reader.Name}>");
        }

        if (reader.IsEmptyElement)
        {
            return new XpmMalformedResponseError("the reply's <Response/> is empty: it has no <Status>");
        }

        var depth = reader.Depth;
        string? status = null;
        string? description = null;
        string? webUrl = null;
        await reader.ReadAsync().ConfigureAwait(false);
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                if (!await reader.ReadAsync().ConfigureAwait(false))
                {
                    break;
                }

                continue;
            }

            switch (reader.LocalName)
            {
                case "Status":
                    status = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
                    if (!IsOk(status) && !IsError(status))
                    {
                        return new XpmMalformedResponseError($"unknown <Status> '{status}'");
                    }

                    break;
                case "ErrorDescription":
                    description = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    break;
                case "WebUrl":
                    webUrl = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                    break;
                case var name when name == payloadElement && status is not null && IsOk(status):
                    return new Envelope(true, webUrl);
                case var name when name == payloadElement && status is null:
                    return new XpmMalformedResponseError($"<{name}> comes before any <Status>");
                default:
                    await reader.SkipAsync().ConfigureAwait(false);
                    break;
            }

            if (status is not null && IsError(status) && description is not null)
            {
                return new XpmApplicationError(description.Trim());
            }
        }

        if (status is null)
        {
            return new XpmMalformedResponseError("the reply has no <Status>");
        }

        if (IsError(status))
        {
            return new XpmApplicationError(description?.Trim() is { Length: > 0 } text ? text : "XPM gave no description");
        }

        return new Envelope(false, webUrl);
    }

    private static bool IsOk(string status) => status.Equals("OK", StringComparison.OrdinalIgnoreCase);
    private static bool IsError(string status) => status.Equals("ERROR", StringComparison.OrdinalIgnoreCase);

    private static XpmReplyScope NoScope(CancellationToken cancellationToken) => new(cancellationToken, null, TimeProvider.System);

    /// <summary>
    /// The typed error for a failure while reading a reply, or null when the exception must propagate
    /// (the caller cancelled, or a bug).
    /// </summary>
    internal static Error? Translate(Exception ex, XpmBodyStream body, XpmReplyScope scope) => ex switch
    {
        XpmException xpm => xpm.Error,
        OperationCanceledException when scope.TimedOut =>
            new XpmUnavailableError($"reading XPM's reply took longer than {scope.ReadTimeout} (Xpm:RequestTimeout)") { CutOff = true },
        OperationCanceledException => null,
        XmlException xml => Malformed(xml, body),
        IOException or HttpRequestException =>
            new XpmUnavailableError($"the connection broke while reading XPM's reply after {body.BytesRead:N0} bytes ({ex.Message})") { CutOff = true },
        _ => null,
    };

    private static XpmMalformedResponseError Malformed(XmlException ex, XpmBodyStream body)
    {
        if (body.DescribeNonXml() is { } kind)
        {
            return new XpmMalformedResponseError($"the body is {kind}, not XML");
        }

        if (body.BytesRead == 0)
        {
            return new XpmMalformedResponseError("the reply is empty") { CutOff = body.ReachedEnd };
        }

        if (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return new XpmMalformedResponseError(
                "the reply declares a DTD (<!DOCTYPE …>), which XPM never sends; it was refused so that entity expansion cannot be abused");
        }

        // The reader asks for more bytes only when its buffer is used up, so an error once the body has ended means the
        // document stopped before it was complete: cut off in transit, not broken XML that XPM would send again.
        return body.ReachedEnd
            ? new XpmMalformedResponseError($"the reply ended after {body.BytesRead:N0} bytes, before its XML was complete ({ex.Message.TrimEnd('.')})") { CutOff = true }
            : new XpmMalformedResponseError($"malformed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}");
    }
}
