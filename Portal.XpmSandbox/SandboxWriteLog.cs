using System.Xml.Linq;

namespace Portal.XpmSandbox;

/// <summary>One write the sandbox accepted and applied through its API (what the portal sent), for its Sandbox page.</summary>
public sealed record SandboxWrite(DateTimeOffset At, string Call, string Record, string Fields);

/// <summary>
/// The latest writes the sandbox applied through its API (client add/update, contact add/update), newest first, so
/// the Sandbox page can show what "Sync data to Xero Practice Manager" sent. Edits made on the page itself are not API writes.
/// </summary>
public sealed class SandboxWriteLog(TimeProvider time)
{
    private const int Keep = 50;
    private readonly Lock _gate = new();
    private readonly LinkedList<SandboxWrite> _writes = new();

    public event Action? Changed;

    public IReadOnlyList<SandboxWrite> Latest
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    internal void Record(string call, string record, XElement body)
    {
        // The request's own elements as sent (UUID and nested client references left out): exactly what changed.
        var fields = string.Join("; ", body.Elements()
            .Where(e => e.Name.LocalName != "UUID" && !e.HasElements)
            .Select(e => $"{e.Name.LocalName}: {e.Value}"));
        lock (_gate)
        {
            _writes.AddFirst(new SandboxWrite(time.GetUtcNow(), call, record, fields));
            while (_writes.Count > Keep)
            {
                _writes.RemoveLast();
            }
        }

        Changed?.Invoke();
    }
}
