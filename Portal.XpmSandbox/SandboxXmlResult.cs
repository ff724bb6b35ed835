using System.Text;
using System.Xml;

namespace Portal.XpmSandbox;

/// <summary>
/// An XPM reply: <c>&lt;Response api-method="…"&gt;&lt;Status&gt;OK|ERROR&lt;/Status&gt;…</c> as <c>text/xml; charset=utf-8</c>,
/// compact, no declaration, written straight to the response body so a 50,000-client list never sits in memory.
/// Applies the call's XML fault (malformed, truncated, ERROR, hostile) if the gateway drew one.
/// </summary>
internal sealed class SandboxXmlResult : IResult
{
    private const int TruncationBufferBytes = 256 * 1024;

    private static readonly XmlWriterSettings Settings = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = false,
        NewLineHandling = NewLineHandling.None,

        // A failure mid-list must not be papered over by the writer closing the open elements for us.
        WriteEndDocumentOnClose = false,
    };

    private readonly string _apiMethod;
    private readonly Func<XmlWriter, Task>? _payload;
    private readonly string? _error;
    private readonly int _specStatus;

    private SandboxXmlResult(string apiMethod, Func<XmlWriter, Task>? payload, string? error, int specStatus)
    {
        _apiMethod = apiMethod;
        _payload = payload;
        _error = error;
        _specStatus = specStatus;
    }

    public static SandboxXmlResult Ok(string apiMethod, Func<XmlWriter, Task>? payload = null) => new(apiMethod, payload, null, 200);

    /// <summary>HTTP 200 <c>Status ERROR</c>, or <paramref name="specStatus"/> with <see cref="XpmSandboxOptions.SpecStatusCodes"/>.</summary>
    public static SandboxXmlResult Error(string apiMethod, string description, int specStatus = 400) => new(apiMethod, null, description, specStatus);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var call = SandboxCall.From(httpContext);
        if (SandboxHostileXml.IsHostile(call.Fault))
        {
            await SandboxHostileXml.WriteAsync(httpContext.Response, call.Fault!.Value, _apiMethod);
            return;
        }

        var error = call.Fault == SandboxFaultKind.ErrorReply ? call.ErrorDescription : _error;
        var response = httpContext.Response;
        response.StatusCode = _error is not null && call.Fault != SandboxFaultKind.ErrorReply && call.Options.SpecStatusCodes ? _specStatus : 200;
        response.ContentType = "text/xml; charset=utf-8";

        if (call.Fault == SandboxFaultKind.TruncatedXml)
        {
            var buffer = new TruncatingStream(TruncationBufferBytes);
            await WriteAsync(buffer, error, malformed: false);
            await response.Body.WriteAsync(buffer.Cut(), httpContext.RequestAborted);
            return;
        }

        await WriteAsync(response.Body, error, call.Fault == SandboxFaultKind.MalformedXml);
    }

    private async Task WriteAsync(Stream stream, string? error, bool malformed)
    {
        await using var w = XmlWriter.Create(stream, Settings);
        await w.WriteStartElementAsync(null, "Response", null);
        await w.WriteAttributeStringAsync(null, "api-method", null, _apiMethod);
        await SandboxXml.ElementAsync(w, "Status", error is null ? "OK" : "ERROR");
        if (malformed)
        {
            await w.WriteRawAsync("<Clients attr=unquoted>&<");
        }

        if (error is not null)
        {
            await SandboxXml.ElementAsync(w, "ErrorDescription", error);
        }
        else if (_payload is not null)
        {
            await _payload(w);
        }

        await w.WriteEndElementAsync();
        await w.FlushAsync();
    }

    /// <summary>Keeps the first bytes written (up to a cap) and counts the rest, to cut a document in the middle.</summary>
    private sealed class TruncatingStream(int cap) : Stream
    {
        private readonly MemoryStream _kept = new();
        private long _total;

        /// <summary>Half of a small document, or the cap of a large one: either way, mid-document.</summary>
        public ReadOnlyMemory<byte> Cut() => _kept.GetBuffer().AsMemory(0, (int)(_total <= cap ? _total / 2 : cap));

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var room = (int)Math.Max(0, cap - _kept.Length);
            _kept.Write(buffer[..Math.Min(room, buffer.Length)]);
            _total += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _total;
        public override long Position { get => _total; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _kept.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
