using System.Xml;

namespace Portal.Core.Xpm;

/// <summary>
/// Walks the items of one list in a reply, reading each item straight into its model, so memory stays bounded by the
/// largest single item, never the document.
/// </summary>
internal sealed class XpmListCursor<T>(XmlReader reader, XpmBodyStream body, XpmListShape<T> shape, bool positionedOnList) : IDisposable
{
    private readonly XpmRecordReader _records = new(reader);
    private int _listDepth = -1;
    private bool _started;
    private bool _finished;

    public async ValueTask<(bool HasItem, T? Item)> MoveNextAsync(XpmReplyScope scope, CancellationToken cancellationToken)
    {
        body.ReadCancellation = cancellationToken;
        try
        {
            return await ReadNextAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (XpmXmlParser.Translate(ex, body, scope) is { } error)
        {
            _finished = true;
            throw ex as XpmException ?? new XpmException(error, ex);
        }
    }

    private async ValueTask<(bool, T?)> ReadNextAsync(CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return (false, default);
        }

        if (!_started)
        {
            _started = true;
            if (positionedOnList && !reader.IsEmptyElement)
            {
                _listDepth = reader.Depth;
                await reader.ReadAsync().ConfigureAwait(false);
            }
        }

        while (_listDepth >= 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == _listDepth)
            {
                _listDepth = -1;
                break;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth == _listDepth + 1 && reader.LocalName == shape.ItemElement)
            {
                var item = await shape.Read(_records).ConfigureAwait(false);

                // The reader now sits on the item's end tag (or on the item itself when it was <Client/>).
                await reader.ReadAsync().ConfigureAwait(false);
                return (true, item);
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                await reader.SkipAsync().ConfigureAwait(false);
            }
            else if (!await reader.ReadAsync().ConfigureAwait(false))
            {
                break;
            }
        }

        // Read to the end so a reply cut off after the last item (or in a trailing <Pagination>) is still caught.
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        _finished = true;
        return (false, default);
    }

    public void Dispose()
    {
        reader.Dispose();
        body.Dispose();
    }
}
