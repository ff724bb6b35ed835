using Portal.Core.Clients;
using Portal.Core.Import;
using Portal.Core.Import.Plan;

namespace Portal.Core.Sync;

/// <summary>
/// The fields kept in step both ways, and each one's comparison key: trimmed text with blanks as null, emails
/// ignoring case, an address part by part (a street's lines trimmed), a date as yyyy-MM-dd.
/// </summary>
public static class SyncFields
{
    public static IReadOnlyList<ImportField> All => ImportFields.AllContactDetails;

    /// <summary>The value compared; null when blank. Two values are the same field value when their keys are equal.</summary>
    public static string? Key(PortalClientValues values, ImportField field) => field switch
    {
        ImportField.Name => ImportText.Clean(values.Name),
        ImportField.FirstName => ImportText.Clean(values.FirstName),
        ImportField.LastName => ImportText.Clean(values.LastName),
        ImportField.Email => ImportText.EmailKey(values.Email),
        ImportField.Phone => ImportText.Clean(values.Phone),
        ImportField.Mobile => ImportText.Clean(values.Mobile),
        ImportField.PhysicalAddress => AddressKey(values.PhysicalAddress),
        ImportField.PostalAddress => AddressKey(values.PostalAddress),
        ImportField.DateOfBirth => values.DateOfBirth is { } dob ? ImportText.Date(dob) : null,
        ImportField.BusinessStructure => ImportText.Clean(values.BusinessStructure),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The value as people read it: an address on one line, a date as yyyy-MM-dd; null when blank.</summary>
    public static string? Display(PortalClientValues values, ImportField field) => field switch
    {
        ImportField.PhysicalAddress => values.PhysicalAddress.IsEmpty ? null : values.PhysicalAddress.ToSingleLine(),
        ImportField.PostalAddress => values.PostalAddress.IsEmpty ? null : values.PostalAddress.ToSingleLine(),
        ImportField.Email => ImportText.Clean(values.Email),
        _ => Key(values, field),
    };

    /// <remarks>Equal values are the same without building their keys (an import compares every field of every client it writes).</remarks>
    public static bool Same(PortalClientValues a, PortalClientValues b, ImportField field) =>
        Equal(a, b, field) || Key(a, field) == Key(b, field);

    /// <summary>Whether the two hold exactly the same value for <paramref name="field"/> (<see cref="Same"/> compares keys).</summary>
    public static bool Equal(PortalClientValues a, PortalClientValues b, ImportField field) => field switch
    {
        ImportField.Name => a.Name == b.Name,
        ImportField.FirstName => a.FirstName == b.FirstName,
        ImportField.LastName => a.LastName == b.LastName,
        ImportField.Email => a.Email == b.Email,
        ImportField.Phone => a.Phone == b.Phone,
        ImportField.Mobile => a.Mobile == b.Mobile,
        ImportField.PhysicalAddress => a.PhysicalAddress == b.PhysicalAddress,
        ImportField.PostalAddress => a.PostalAddress == b.PostalAddress,
        ImportField.DateOfBirth => a.DateOfBirth == b.DateOfBirth,
        ImportField.BusinessStructure => a.BusinessStructure == b.BusinessStructure,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>Copies one field's value from <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static PortalClientValues With(this PortalClientValues target, PortalClientValues source, ImportField field) => field switch
    {
        ImportField.Name => target with { Name = source.Name },
        ImportField.FirstName => target with { FirstName = source.FirstName },
        ImportField.LastName => target with { LastName = source.LastName },
        ImportField.Email => target with { Email = source.Email },
        ImportField.Phone => target with { Phone = source.Phone },
        ImportField.Mobile => target with { Mobile = source.Mobile },
        ImportField.PhysicalAddress => target with { PhysicalAddress = source.PhysicalAddress },
        ImportField.PostalAddress => target with { PostalAddress = source.PostalAddress },
        ImportField.DateOfBirth => target with { DateOfBirth = source.DateOfBirth },
        ImportField.BusinessStructure => target with { BusinessStructure = source.BusinessStructure },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>Writes one field's value from <paramref name="source"/> onto a portal client.</summary>
    public static void WriteTo(Client client, PortalClientValues source, ImportField field)
    {
        switch (field)
        {
            case ImportField.Name: client.Name = source.Name; break;
            case ImportField.FirstName: client.FirstName = source.FirstName; break;
            case ImportField.LastName: client.LastName = source.LastName; break;
            case ImportField.Email: client.Email = source.Email; break;
            case ImportField.Phone: client.Phone = source.Phone; break;
            case ImportField.Mobile: client.Mobile = source.Mobile; break;
            case ImportField.PhysicalAddress: client.PhysicalAddress = source.PhysicalAddress; break;
            case ImportField.PostalAddress: client.PostalAddress = source.PostalAddress; break;
            case ImportField.DateOfBirth: client.DateOfBirth = source.DateOfBirth; break;
            case ImportField.BusinessStructure: client.BusinessStructure = source.BusinessStructure; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }

    /// <summary>The stored form of a set of fields (a link's pending fields): names, comma-separated; null when empty.</summary>
    public static string? Format(IEnumerable<ImportField> fields)
    {
        var text = string.Join(',', fields.Distinct().Order());
        return text.Length == 0 ? null : text;
    }

    public static IReadOnlySet<ImportField> Parse(string? fields) =>
        string.IsNullOrWhiteSpace(fields)
            ? new HashSet<ImportField>()
            : fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => Enum.TryParse<ImportField>(f, out var field) ? (ImportField?)field : null)
                .OfType<ImportField>()
                .ToHashSet();

    private static string? AddressKey(Address address)
    {
        var parts = new[] { Lines(address.Street), ImportText.Clean(address.City), ImportText.Clean(address.Region), ImportText.Clean(address.PostCode), ImportText.Clean(address.Country) };
        return parts.All(p => p is null) ? null : string.Join('\u001f', parts.Select(p => p ?? ""));
    }

    private static string? Lines(string? street) =>
        ImportText.Clean(street) is { } text
            ? string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()))
            : null;
}
