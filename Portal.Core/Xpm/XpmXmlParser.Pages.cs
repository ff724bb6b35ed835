using System.Xml;
using Portal.Core.Common;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

public sealed partial class XpmXmlParser
{
    /// <summary>
    /// Reads one page of <c>client.api/contacts</c> (at most 500 small records, so the page is held whole) and the
    /// <c>pageToken</c> of <c>&lt;Pagination&gt;&lt;Links&gt;&lt;Next&gt;</c>, which is absent on the last page.
    /// </summary>
    internal async Task<Result<XpmContactPage>> ReadContactsPageAsync(Stream body, XpmReplyScope scope)
    {
        var limited = new XpmBodyStream(body, maxResponseBytes) { ReadCancellation = scope.Token };
        using var reader = XmlReader.Create(limited, Settings);
        try
        {
            var opened = await ReadEnvelopeAsync(reader, "Contacts", scope.Token).ConfigureAwait(false);
            if (!opened.Succeeded)
            {
                return opened.Error!;
            }

            var contacts = new List<XpmContact>();
            if (opened.Value!.HasPayload)
            {
                contacts = await new XpmRecordReader(reader).ContactListAsync().ConfigureAwait(false);
            }

            string? next = null;
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Next")
                {
                    next = await reader.ReadElementContentAsStringAsync().ConfigureAwait(false);
                }
            }

            return new XpmContactPage(contacts, PageToken(next));
        }
        catch (Exception ex) when (Translate(ex, limited, scope) is { } error)
        {
            return error;
        }
    }

    /// <summary>The <c>pageToken</c> of XPM's absolute <c>Next</c> URL. Only the token is used: the portal never follows a URL from a reply.</summary>
    internal static string? PageToken(string? nextUrl)
    {
        if (string.IsNullOrWhiteSpace(nextUrl) || !Uri.TryCreate(nextUrl.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("pageToken", StringComparison.OrdinalIgnoreCase))
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .FirstOrDefault(token => token.Length > 0);
    }
}
