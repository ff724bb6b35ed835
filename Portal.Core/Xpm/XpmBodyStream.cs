using System.Text;

namespace Portal.Core.Xpm;

/// <summary>
/// Wraps a reply body for the XML reader: refuses more than the configured number of bytes, passes the call's
/// cancellation to every read (XmlReader's async reads take no token), and keeps the first bytes so a non-XML
/// body can be named in the error instead of reported as an XML syntax error.
/// </summary>
internal sealed class XpmBodyStream(Stream inner, long maxBytes) : Stream
{
    private const int SniffLength = 64;
    private readonly byte[] _head = new byte[SniffLength];
    private int _headLength;

    public CancellationToken ReadCancellation { get; set; }
    public long BytesRead { get; private set; }
    public long MaxBytes => maxBytes;

    /// <summary>True once a read found the end of the body: an XML error after that means the reply was cut short.</summary>
    public bool ReachedEnd { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    /// <summary>"JSON" or "an HTML page" when the body plainly is one, else null.</summary>
    public string? DescribeNonXml()
    {
        var head = Encoding.UTF8.GetString(_head, 0, _headLength).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith('{') || head.StartsWith('['))
        {
            return "JSON";
        }

        return head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? "an HTML page"
            : null;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ReadCancellation.ThrowIfCancellationRequested();
        return Count(buffer, inner.Read(buffer));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var token = cancellationToken.CanBeCanceled ? cancellationToken : ReadCancellation;
        var read = await inner.ReadAsync(buffer, token).ConfigureAwait(false);
        return Count(buffer.Span, read);
    }

    private int Count(ReadOnlySpan<byte> buffer, int read)
    {
        if (read == 0 && !buffer.IsEmpty)
        {
            ReachedEnd = true;
        }

        if (_headLength < SniffLength && read > 0)
        {
            var take = Math.Min(SniffLength - _headLength, read);
            buffer[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
        }

        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new XpmException(new XpmResponseTooLargeError(maxBytes));
        }

        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
