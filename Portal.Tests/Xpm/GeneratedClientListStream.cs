using System.Text;

namespace Portal.Xpm;

/// <summary>
/// A client.api/list?detailed=true reply produced on the fly, one client at a time as the reader asks for bytes,
/// so a test can stream tens of thousands of clients without holding the document anywhere.
/// </summary>
internal sealed class GeneratedClientListStream(int clientCount) : Stream
{
    private static readonly byte[] Head = Encoding.UTF8.GetBytes("<Response api-method=\"List\"><Status>OK</Status><Clients>");
    private static readonly byte[] Tail = Encoding.UTF8.GetBytes("</Clients></Response>");

    private byte[] _chunk = Head;
    private int _offset;
    private int _next;

    public int ClientsWritten => _next;
    public long BytesWritten { get; private set; }

    public static Guid UuidOf(int index) => Guid.Parse($"{index:x8}-0000-4000-8000-000000000000");

    /// <summary>A lean but nested client (a manager link and a contact), so every item takes the subtree path.</summary>
    private static byte[] ClientXml(int index) => Encoding.UTF8.GetBytes(
        $"<Client><UUID>{UuidOf(index)}</UUID><Name>Client {index} Ltd</Name><Email>client{index}@example.test</Email>"
        + $"<Address>{index} Long Road\nUnit 2</Address><Fax /><IsArchived>{(index % 50 == 0 ? "Yes" : "No")}</IsArchived><IsDeleted>No</IsDeleted>"
        + "<AccountManager><UUID>42910477-1971-4afa-b421-b97a6c531aab</UUID><Name>Mere Tautahi</Name></AccountManager>"
        + $"<Contacts><Contact><UUID>{UuidOf(index + 1_000_000)}</UUID><Name>Contact {index}</Name><IsPrimary>Yes</IsPrimary></Contact></Contacts>"
        + "<Groups /></Client>");

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count)
        {
            if (_offset == _chunk.Length)
            {
                if (_chunk == Tail || !Advance())
                {
                    break;
                }
            }

            var take = Math.Min(count - written, _chunk.Length - _offset);
            Array.Copy(_chunk, _offset, buffer, offset + written, take);
            _offset += take;
            written += take;
        }

        BytesWritten += written;
        return written;
    }

    private bool Advance()
    {
        _chunk = _next < clientCount ? ClientXml(_next++) : Tail;
        _offset = 0;
        return true;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
