using System.Collections;
using System.Collections.Immutable;

namespace Portal.XpmSandbox;

/// <summary>An immutable list in insertion order with a UUID index. Changes return a new collection.</summary>
public sealed class SandboxCollection<T> : IReadOnlyList<T>
    where T : class
{
    private readonly ImmutableList<T> _items;
    private readonly ImmutableDictionary<Guid, int> _index;
    private readonly Func<T, Guid> _key;

    private SandboxCollection(ImmutableList<T> items, ImmutableDictionary<Guid, int> index, Func<T, Guid> key)
    {
        _items = items;
        _index = index;
        _key = key;
    }

    public static SandboxCollection<T> Create(IEnumerable<T> items, Func<T, Guid> key)
    {
        var list = ImmutableList.CreateRange(items);
        var index = ImmutableDictionary.CreateBuilder<Guid, int>();
        var position = 0;
        foreach (var item in list)
        {
            index.Add(key(item), position++);
        }

        return new SandboxCollection<T>(list, index.ToImmutable(), key);
    }

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    /// <summary>The position of the item with that UUID, or -1.</summary>
    public int IndexOf(Guid uuid) => _index.TryGetValue(uuid, out var position) ? position : -1;

    public T? Find(Guid uuid) => _index.TryGetValue(uuid, out var position) ? _items[position] : null;

    public SandboxCollection<T> Add(T item) =>
        new(_items.Add(item), _index.Add(_key(item), _items.Count), _key);

    public SandboxCollection<T> Replace(T item) =>
        new(_items.SetItem(_index[_key(item)], item), _index, _key);

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
