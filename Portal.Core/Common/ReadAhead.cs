using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Portal.Core.Common;

/// <summary>
/// Enumerates a sequence one item ahead on a task of its own, so producing the next item (downloading and parsing the
/// next batch of a list, planning the next window of an import) overlaps the caller's work on this one: the caller waits
/// on the slower of the two, not on their sum (2 cores; docs/benchmarks.md). An error of the source (a broken reply,
/// cancellation) reaches the caller after the items produced before it, where it would have without read-ahead. The
/// source must not share anything with the caller's work that is not safe to use from two threads (a connection).
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = Task.Run(() => ProduceAsync(source, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (true)
            {
                T? item;
                try
                {
                    if (!await channel.Reader.WaitToReadAsync(cancellationToken))
                    {
                        break;
                    }

                    if (!channel.Reader.TryRead(out item))
                    {
                        continue;
                    }
                }
                catch (ChannelClosedException closed) when (closed.InnerException is { } error)
                {
                    ExceptionDispatchInfo.Throw(error);
                    throw;
                }

                yield return item;
            }
        }
        finally
        {
            // The caller stopped early or the source ended: the producer is done or stops here, before the caller goes on
            // (and disposes what the source reads).
            await stop.CancelAsync();
            await producing;
        }
    }

    private static async Task ProduceAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(item, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception error)
        {
            // Handed to the caller through the channel: it surfaces where the caller asks for the next item.
            writer.TryComplete(error);
        }
    }
}
