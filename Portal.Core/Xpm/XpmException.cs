using Portal.Core.Common;

namespace Portal.Core.Xpm;

/// <summary>
/// Thrown only while enumerating an <see cref="XpmStream{T}"/> whose reply breaks after streaming began
/// (truncated or malformed XML, lost connection, size limit, read timeout). By then items have been handed out,
/// so a <see cref="Result{T}"/> can no longer be returned; silently ending the list early would look like a
/// complete, shorter list. Catch it around the <c>await foreach</c> and use <see cref="Error"/>.
/// </summary>
public sealed class XpmException(Error error, Exception? innerException = null)
    : Exception(error.Message, innerException)
{
    public Error Error { get; } = error;
}
