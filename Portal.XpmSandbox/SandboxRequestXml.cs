using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Portal.XpmSandbox;

/// <summary>
/// Reads XPM request bodies leniently, as XPM does: any Content-Type, with or without a declaration,
/// whitespace-padded values. Values: <c>Yes/No/true/false</c>, dates as <c>yyyy-MM-dd</c>, <c>yyyyMMdd</c> or with a time.
/// </summary>
internal static class SandboxRequestXml
{
    private const int MaxBodyChars = 1_000_000;

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyyMMdd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public static async Task<XElement> ReadAsync(HttpRequest request, string root)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyChars + 1];
        var length = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
        if (length > MaxBodyChars)
        {
            throw new SandboxRequestException("The request body is too large");
        }

        var text = new string(buffer, 0, length).Trim();
        XDocument document;
        try
        {
            using var xml = XmlReader.Create(new StringReader(text), ReaderSettings);
            document = XDocument.Load(xml);
        }
        catch (XmlException e)
        {
            throw new SandboxRequestException($"The request body is not valid XML: {e.Message}");
        }

        if (document.Root is not { } element || element.Name.LocalName != root)
        {
            throw new SandboxRequestException($"The request body must be a <{root}> element");
        }

        return element;
    }

    public static string? Text(XElement parent, string name) => parent.Element(name)?.Value.Trim();

    public static bool Bool(string name, string value) => value.ToLowerInvariant() switch
    {
        "yes" or "true" or "1" => true,
        "no" or "false" or "0" or "" => false,
        _ => throw new SandboxRequestException($"Invalid value for {name}: {value}"),
    };

    public static DateOnly? Date(string name, string value) =>
        value.Length == 0 ? null
        : DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateOnly.FromDateTime(date)
        : throw new SandboxRequestException($"Invalid value for {name}: {value}");

    public static Guid? Uuid(string name, string value) =>
        value.Length == 0 ? null
        : Guid.TryParse(value, out var uuid) ? uuid
        : throw new SandboxRequestException($"Invalid value for {name}: {value}");

    /// <summary>A <c>&lt;Client&gt;&lt;UUID/&gt;&lt;/Client&gt;</c> child, as contact requests carry.</summary>
    public static Guid? ClientUuid(XElement parent) =>
        parent.Element("Client") is { } client && Text(client, "UUID") is { } uuid ? Uuid("Client UUID", uuid) : null;
}
