using System.Globalization;
using System.Text;

namespace Portal.Core.Import;

/// <summary>The normalisations the matcher and planner share, so a preview and an apply agree to the character.</summary>
internal static class ImportText
{
    /// <summary>Fewer digits than this is too little to call two phone numbers the same (an extension, a typo).</summary>
    public const int MinimumPhoneDigits = 6;

    /// <summary>Trimmed text, or null when blank: XPM writes a blank as an empty element, or leaves it out.</summary>
    public static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Trimmed and lower-cased; null when blank.</summary>
    public static string? EmailKey(string? email) =>
        Clean(email)?.ToLowerInvariant();

    /// <summary>The digits of a phone number, or null when there are too few to compare.</summary>
    public static string? PhoneDigits(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= MinimumPhoneDigits ? digits : null;
    }

    /// <summary>
    /// A name reduced to lower-case letters and digits: diacritics stripped (Chloé = Chloe), and spaces, apostrophes,
    /// hyphens and other punctuation dropped, so "O'Brien-Smith", "obrien smith" and "OBrien  Smith" are one key.
    /// Empty when the name is blank.
    /// </summary>
    public static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                AppendFolded(builder, char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The keys a record's name can be known by: its full name, and its first and last name together. Two records
    /// have compatible names when they share a key. Blank names give no key, so they are compatible with nothing.
    /// </summary>
    public static string[] NameKeys(string? name, string? firstName, string? lastName)
    {
        var full = NameKey(name);
        var firstLast = string.IsNullOrWhiteSpace(firstName) || string.IsNullOrWhiteSpace(lastName)
            ? ""
            : NameKey(firstName) + NameKey(lastName);

        return (full, firstLast) switch
        {
            ("", "") => [],
            (_, "") => [full],
            ("", _) => [firstLast],
            _ when full == firstLast => [full],
            _ => [full, firstLast],
        };
    }

    public static bool SharesKey(string[] a, string[] b)
    {
        foreach (var key in a)
        {
            if (Array.IndexOf(b, key) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text as a sentence, ending in a full stop unless it already ends a sentence: run errors are shown followed by
    /// more sentences ("… Nothing was changed in the portal"), and XPM's own descriptions often have no full stop.
    /// </summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Letters with no combining mark to strip, so FormD leaves them alone.
    private static void AppendFolded(StringBuilder builder, char c)
    {
        var folded = c switch
        {
            'ø' => "o",
            'ł' => "l",
            'đ' or 'ð' => "d",
            'þ' => "th",
            'æ' => "ae",
            'œ' => "oe",
            'ß' => "ss",
            'ı' => "i",
            _ => null,
        };

        if (folded is null)
        {
            builder.Append(c);
        }
        else
        {
            builder.Append(folded);
        }
    }
}
