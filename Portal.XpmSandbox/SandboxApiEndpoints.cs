using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Portal.XpmSandbox;

/// <summary>
/// XPM 3.1 under <c>/sandbox/xpm/api/practicemanager/3.1/</c>: staff, clients, contacts and client groups.
/// Application errors are HTTP 200 <c>Status ERROR</c> (see <see cref="XpmSandboxOptions.SpecStatusCodes"/>).
/// </summary>
internal static class SandboxApiEndpoints
{
    public const string VersionSegment = "/practicemanager/3.1/";
    public const string Prefix = "/api/practicemanager/3.1";

    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;
    private const int FlushEvery = 100;

    public static void MapSandboxApi(this RouteGroupBuilder sandbox)
    {
        var api = sandbox.MapGroup(Prefix).AllowAnonymous().AddEndpointFilter<SandboxGatewayFilter>();

        api.MapGet("/staff.api/list", StaffList).WithMetadata(SandboxScope.Staff);
        api.MapGet("/staff.api/get/{uuid}", StaffGet).WithMetadata(SandboxScope.Staff);

        api.MapGet("/client.api/list", ClientList).WithMetadata(SandboxScope.Client);
        api.MapGet("/client.api/search", ClientSearch).WithMetadata(SandboxScope.Client);
        api.MapGet("/client.api/get/{uuid}", ClientGet).WithMetadata(SandboxScope.Client);
        api.MapGet("/client.api/paged-list", ClientPagedList).WithMetadata(SandboxScope.Client);
        api.MapPost("/client.api/add", (Delegate)ClientAddAsync).WithMetadata(SandboxScope.Client);
        api.MapPut("/client.api/update", (Delegate)ClientUpdateAsync).WithMetadata(SandboxScope.Client);
        api.MapPut("/client.api/archive", (Delegate)ClientArchiveAsync).WithMetadata(SandboxScope.Client);
        api.MapPost("/client.api/delete", (Delegate)ClientDeleteAsync).WithMetadata(SandboxScope.Client);

        api.MapGet("/client.api/contacts", ContactList).WithMetadata(SandboxScope.Client);
        api.MapPost("/client.api/contact", (Delegate)ContactAddAsync).WithMetadata(SandboxScope.Client);
        api.MapGet("/client.api/contact/{uuid}", ContactGet).WithMetadata(SandboxScope.Client);
        api.MapPut("/client.api/contact/{uuid}", ContactUpdateAsync).WithMetadata(SandboxScope.Client);
        api.MapDelete("/client.api/contact/{uuid}", ContactDelete).WithMetadata(SandboxScope.Client);

        api.MapGet("/clientgroup.api/list", GroupList).WithMetadata(SandboxScope.Client);
        api.MapGet("/clientgroup.api/get/{uuid}", GroupGet).WithMetadata(SandboxScope.Client);

        // Past the gateway (so still 401/403 first), an unknown path is an empty 404.
        api.Map("/{**path}", () => Results.NotFound());
    }

    private static SandboxWriteLog Writes(HttpContext http) => http.RequestServices.GetRequiredService<SandboxWriteLog>();

    private static IResult StaffList(HttpContext http)
    {
        var state = SandboxCall.From(http).Practice.Current;
        return SandboxXmlResult.Ok("List", async w =>
        {
            await w.WriteStartElementAsync(null, "StaffList", null);
            foreach (var staff in state.Staff)
            {
                await SandboxXml.WriteStaffAsync(w, staff);
            }

            await w.WriteEndElementAsync();
        });
    }

    private static IResult StaffGet(HttpContext http, string uuid)
    {
        var state = SandboxCall.From(http).Practice.Current;
        return Guid.TryParse(uuid, out var id) && state.Staff.Find(id) is { } staff
            ? SandboxXmlResult.Ok("Get", w => SandboxXml.WriteStaffAsync(w, staff))
            : SandboxXmlResult.Error("Get", "Staff member not found", 404);
    }

    private static IResult ClientList(HttpContext http) => Handle("List", () =>
    {
        var call = SandboxCall.From(http);
        var state = call.Practice.Current;
        var since = ModifiedSince(http.Request);
        return SandboxXmlResult.Ok("List", w => WriteClientsAsync(w, state.Clients.Where(c => since is null || c.Modified >= since), state, Shape(http.Request), call.Options));
    });

    private static IResult ClientSearch(HttpContext http) => Handle("Search", () =>
    {
        var call = SandboxCall.From(http);
        var state = call.Practice.Current;
        var query = http.Request.Query["query"].ToString().Trim();
        if (query.Length == 0)
        {
            throw new SandboxRequestException("A search query is required");
        }

        return SandboxXmlResult.Ok("Search", w => WriteClientsAsync(w, state.Clients.Where(c => Matches(c, query)), state, Shape(http.Request), call.Options));
    });

    private static IResult ClientGet(HttpContext http, string uuid)
    {
        var call = SandboxCall.From(http);
        var state = call.Practice.Current;
        return Guid.TryParse(uuid, out var id) && state.Clients.Find(id) is { } client
            ? SandboxXmlResult.Ok("Get", w => SandboxXml.WriteClientAsync(w, client, state, SandboxClientShape.Detailed, call.Options))
            : SandboxXmlResult.Error("Get", "Client not found", 404);
    }

    /// <summary>Non-archived, non-deleted clients, summary fields, with <c>Pagination/Links</c> (no <c>Next</c> on the last page).</summary>
    private static IResult ClientPagedList(HttpContext http) => Handle("PagedList", () =>
    {
        var call = SandboxCall.From(http);
        var state = call.Practice.Current;
        var (size, start) = Paging(http.Request, call.Practice.TenantId, SandboxPageToken.Clients);
        var (page, next) = Page(state.Clients, start, size, c => !c.IsArchived && !c.IsDeleted);
        return SandboxXmlResult.Ok("PagedList", async w =>
        {
            await w.WriteStartElementAsync(null, "Clients", null);
            foreach (var client in page)
            {
                await SandboxXml.WriteClientAsync(w, client, state, SandboxClientShape.Summary, call.Options);
            }

            await w.WriteEndElementAsync();
            await WritePaginationAsync(w, http.Request, size, next is null ? null : SandboxPageToken.Create(call.Practice.TenantId, SandboxPageToken.Clients, next.Value));
        });
    });

    private static Task<IResult> ClientAddAsync(HttpContext http) => HandleAsync("Add", async () =>
    {
        var call = SandboxCall.From(http);
        var body = await SandboxRequestXml.ReadAsync(http.Request, "Client");
        if (string.IsNullOrEmpty(SandboxRequestXml.Text(body, "Name")))
        {
            throw new SandboxRequestException("Client name is required");
        }

        var change = SandboxClientRequest.Parse(body, call.Practice.Current);
        var (contacts, links) = SandboxClientRequest.ParseNewContacts(body);
        var added = call.Practice.AddClient(change(new SandboxClient { Name = "" }) with { Contacts = links }, contacts);
        Writes(http).Record("client.api/add", added.Name, body);
        var state = call.Practice.Current;
        return SandboxXmlResult.Ok("Add", w => SandboxXml.WriteClientAsync(w, added, state, SandboxClientShape.Detailed, call.Options));
    });

    private static Task<IResult> ClientUpdateAsync(HttpContext http) => HandleAsync("Update", async () =>
    {
        var call = SandboxCall.From(http);
        var body = await SandboxRequestXml.ReadAsync(http.Request, "Client");
        var uuid = RequiredClientUuid(body, call.Practice.Current);
        var change = SandboxClientRequest.Parse(body, call.Practice.Current);
        var updated = call.Practice.UpdateClient(uuid, change) ?? throw new SandboxRequestException("Client not found", 404);
        Writes(http).Record("client.api/update", updated.Name, body);
        var state = call.Practice.Current;
        return SandboxXmlResult.Ok("Update", w => SandboxXml.WriteClientAsync(w, updated, state, SandboxClientShape.Detailed, call.Options));
    });

    private static Task<IResult> ClientArchiveAsync(HttpContext http) => HandleAsync("Archive", async () =>
    {
        var call = SandboxCall.From(http);
        var uuid = RequiredClientUuid(await SandboxRequestXml.ReadAsync(http.Request, "Client"), call.Practice.Current);
        _ = call.Practice.ArchiveClient(uuid) ?? throw new SandboxRequestException("Client not found", 404);
        return SandboxXmlResult.Ok("Archive");
    });

    private static Task<IResult> ClientDeleteAsync(HttpContext http) => HandleAsync("Delete", async () =>
    {
        var call = SandboxCall.From(http);
        var uuid = RequiredClientUuid(await SandboxRequestXml.ReadAsync(http.Request, "Client"), call.Practice.Current);
        _ = call.Practice.DeleteClient(uuid) ?? throw new SandboxRequestException("Client not found", 404);
        return SandboxXmlResult.Ok("Delete");
    });

    private static IResult ContactList(HttpContext http) => Handle("PagedList", () =>
    {
        var call = SandboxCall.From(http);
        var state = call.Practice.Current;
        var (size, start) = Paging(http.Request, call.Practice.TenantId, SandboxPageToken.Contacts);
        var (page, next) = Page(state.Contacts, start, size, c => !c.IsDeleted);
        return SandboxXmlResult.Ok("PagedList", async w =>
        {
            await w.WriteStartElementAsync(null, "Contacts", null);
            foreach (var contact in page)
            {
                await SandboxXml.WriteContactSummaryAsync(w, contact);
            }

            await w.WriteEndElementAsync();
            await WritePaginationAsync(w, http.Request, size, next is null ? null : SandboxPageToken.Create(call.Practice.TenantId, SandboxPageToken.Contacts, next.Value));
        });
    });

    private static Task<IResult> ContactAddAsync(HttpContext http) => HandleAsync("Contact", async () =>
    {
        var call = SandboxCall.From(http);
        var body = await SandboxRequestXml.ReadAsync(http.Request, "Contact");
        var clientUuid = SandboxRequestXml.ClientUuid(body) ?? throw new SandboxRequestException("A client UUID is required (<Client><UUID/></Client>)");
        var (contact, position, isPrimary) = SandboxContactRequest.ParseNew(body);
        var added = call.Practice.AddContact(clientUuid, contact, position, isPrimary) ?? throw new SandboxRequestException("Client not found", 404);
        Writes(http).Record("client.api/contact", added.Name, body);
        var link = new SandboxContactLink(added.Uuid, position, isPrimary);
        return SandboxXmlResult.Ok("Contact", w => SandboxXml.WriteContactAsync(w, added, link));
    });

    private static IResult ContactGet(HttpContext http, string uuid) => Handle("Contact", () =>
    {
        var state = SandboxCall.From(http).Practice.Current;
        var contact = Guid.TryParse(uuid, out var id) ? state.Contacts.Find(id) : null;
        if (contact is null)
        {
            throw new SandboxRequestException("Contact not found", 404);
        }

        var link = LinkOf(state, contact.Uuid, QueryUuid(http.Request, "clientUuid"));
        return SandboxXmlResult.Ok("Contact", w => SandboxXml.WriteContactAsync(w, contact, link));
    });

    private static Task<IResult> ContactUpdateAsync(HttpContext http, string uuid) => HandleAsync("Contact", async () =>
    {
        var call = SandboxCall.From(http);
        var body = await SandboxRequestXml.ReadAsync(http.Request, "Contact");
        var id = Guid.TryParse(uuid, out var parsed) && call.Practice.Current.Contacts.Find(parsed) is not null
            ? parsed
            : throw new SandboxRequestException("Contact not found", 404);
        var clientUuid = SandboxRequestXml.ClientUuid(body) ?? QueryUuid(http.Request, "clientUuid");
        var change = SandboxContactRequest.Change(body);
        var position = clientUuid is null ? null : SandboxRequestXml.Text(body, "Position");
        var isPrimary = clientUuid is null ? null : SandboxContactRequest.IsPrimary(body);
        var updated = call.Practice.UpdateContact(id, change, clientUuid, position, isPrimary)
            ?? throw new SandboxRequestException("The contact is not linked to that client", 404);
        Writes(http).Record($"client.api/contact/{id}", updated.Name, body);
        var link = LinkOf(call.Practice.Current, id, clientUuid);
        return SandboxXmlResult.Ok("Contact", w => SandboxXml.WriteContactAsync(w, updated, link));
    });

    /// <summary>With <c>clientUuid</c>, unlinks the contact from that client; without, deletes it. Replies with the contact as it was.</summary>
    private static IResult ContactDelete(HttpContext http, string uuid) => Handle("Contact", () =>
    {
        var call = SandboxCall.From(http);
        var clientUuid = QueryUuid(http.Request, "clientUuid");
        var id = Guid.TryParse(uuid, out var parsed) ? parsed : Guid.Empty;
        var link = call.Practice.Current.Contacts.Find(id) is null ? null : LinkOf(call.Practice.Current, id, clientUuid);
        var removed = call.Practice.RemoveContact(id, clientUuid) ?? throw new SandboxRequestException("Contact not found", 404);
        return SandboxXmlResult.Ok("Contact", w => SandboxXml.WriteContactAsync(w, removed, link));
    });

    private static IResult GroupList(HttpContext http)
    {
        var state = SandboxCall.From(http).Practice.Current;
        return SandboxXmlResult.Ok("List", async w =>
        {
            await w.WriteStartElementAsync(null, "Groups", null);
            foreach (var group in state.Groups)
            {
                await SandboxXml.WriteGroupAsync(w, group, null);
            }

            await w.WriteEndElementAsync();
        });
    }

    private static IResult GroupGet(HttpContext http, string uuid)
    {
        var state = SandboxCall.From(http).Practice.Current;
        return Guid.TryParse(uuid, out var id) && state.Groups.Find(id) is { } group
            ? SandboxXmlResult.Ok("Get", w => SandboxXml.WriteGroupAsync(w, group, state.ClientsInGroup(group.Uuid)))
            : SandboxXmlResult.Error("Get", "Client group not found", 404);
    }

    private static async Task WriteClientsAsync(XmlWriter w, IEnumerable<SandboxClient> clients, SandboxPracticeState state, SandboxClientShape shape, XpmSandboxOptions options)
    {
        await w.WriteStartElementAsync(null, "Clients", null);
        var written = 0;
        foreach (var client in clients)
        {
            await SandboxXml.WriteClientAsync(w, client, state, shape, options);
            if (++written % FlushEvery == 0)
            {
                await w.FlushAsync();
            }
        }

        await w.WriteEndElementAsync();
    }

    /// <summary><c>First</c> holds only <c>pageSize</c>; <c>Next</c> puts <c>pageToken</c> first. The writer escapes <c>&amp;</c>.</summary>
    private static async Task WritePaginationAsync(XmlWriter w, HttpRequest request, int size, string? nextToken)
    {
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var sizeText = size.ToString(CultureInfo.InvariantCulture);
        await w.WriteStartElementAsync(null, "Pagination", null);
        await w.WriteStartElementAsync(null, "Links", null);
        await SandboxXml.ElementAsync(w, "First", $"{url}?pageSize={sizeText}");
        if (nextToken is not null)
        {
            await SandboxXml.ElementAsync(w, "Next", $"{url}?pageToken={nextToken}&pageSize={sizeText}");
        }

        await w.WriteEndElementAsync();
        await w.WriteEndElementAsync();
    }

    private static (int Size, int Start) Paging(HttpRequest request, Guid tenantId, byte list)
    {
        var sizeText = request.Query["pageSize"].ToString();
        var size = DefaultPageSize;
        if (sizeText.Length > 0 && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            throw new SandboxRequestException($"pageSize must be between 1 and {MaxPageSize}");
        }

        var token = request.Query["pageToken"].ToString();
        var start = token.Length == 0 ? 0 : SandboxPageToken.Read(tenantId, list, token) ?? throw new SandboxRequestException("Invalid pageToken");
        return (size, start);
    }

    /// <summary>Up to <paramref name="size"/> items from <paramref name="start"/>, and where the next page starts (null: this is the last).</summary>
    private static (List<T> Page, int? Next) Page<T>(SandboxCollection<T> items, int start, int size, Func<T, bool> visible)
        where T : class
    {
        var page = new List<T>(size);
        var position = start;
        for (; position < items.Count && page.Count < size; position++)
        {
            if (visible(items[position]))
            {
                page.Add(items[position]);
            }
        }

        while (position < items.Count && !visible(items[position]))
        {
            position++;
        }

        return (page, position < items.Count ? position : null);
    }

    private static DateTime? ModifiedSince(HttpRequest request)
    {
        var value = request.Query["modifiedsince"].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since)
            ? since
            : throw new SandboxRequestException($"Invalid modifiedsince: {value}");
    }

    private static SandboxClientShape Shape(HttpRequest request) =>
        string.Equals(request.Query["detailed"], "true", StringComparison.OrdinalIgnoreCase) ? SandboxClientShape.Detailed : SandboxClientShape.List;

    private static bool Matches(SandboxClient client, string query)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        return compare.IndexOf(client.Name, query, options) >= 0 ||
            (client.Email is { Length: > 0 } email && compare.IndexOf(email, query, options) >= 0);
    }

    private static Guid RequiredClientUuid(XElement body, SandboxPracticeState state)
    {
        var uuid = SandboxRequestXml.Uuid("UUID", SandboxRequestXml.Text(body, "UUID") ?? "") ?? throw new SandboxRequestException("A client UUID is required");
        return state.Clients.Find(uuid) is null ? throw new SandboxRequestException("Client not found", 404) : uuid;
    }

    private static Guid? QueryUuid(HttpRequest request, string name) =>
        SandboxRequestXml.Uuid(name, request.Query[name].ToString().Trim());

    /// <summary>The contact's link to that client (an error if not linked), or without a client its first link.</summary>
    private static SandboxContactLink? LinkOf(SandboxPracticeState state, Guid contactUuid, Guid? clientUuid)
    {
        if (clientUuid is not { } only)
        {
            return state.ClientsOfContact(contactUuid).FirstOrDefault()?.Contacts.First(l => l.ContactUuid == contactUuid);
        }

        var client = state.Clients.Find(only) ?? throw new SandboxRequestException("Client not found", 404);
        return client.Contacts.FirstOrDefault(l => l.ContactUuid == contactUuid)
            ?? throw new SandboxRequestException("The contact is not linked to that client", 404);
    }

    private static IResult Handle(string apiMethod, Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (SandboxRequestException e)
        {
            return SandboxXmlResult.Error(apiMethod, e.Message, e.SpecStatus);
        }
    }

    private static async Task<IResult> HandleAsync(string apiMethod, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (SandboxRequestException e)
        {
            return SandboxXmlResult.Error(apiMethod, e.Message, e.SpecStatus);
        }
    }
}
