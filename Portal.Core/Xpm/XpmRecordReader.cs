using System.Globalization;
using System.Xml;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Xpm;

/// <summary>
/// Reads one record (a client, staff member…) straight from the <see cref="XmlReader"/> into its model, with no
/// <c>XElement</c> tree in between: the tree cost ~35 KB of allocations per 2.5 KB client and 13 % of a 20,000-client
/// fetch, and its garbage made the fetch wait on the GC. Lenient exactly where XPM varies: element order, blanks written
/// as <c>&lt;X/&gt;</c>, <c>&lt;X /&gt;</c>, <c>&lt;X&gt;&lt;/X&gt;</c> or left out (all null), UUID case, Yes/No or
/// true/false, three date spellings. A value that is present but unreadable (a boolean "Maybe", a broken UUID) is a
/// malformed reply: guessing would corrupt the sync.
/// </summary>
/// <remarks>
/// It keeps what the tree-based mapper did: the first of repeated elements wins; a value is all the text inside its
/// element; elements in a namespace or unknown to the portal are skipped (but still depth-checked, see
/// <see cref="XpmXmlParser.MaxDepth"/>); when several values are unreadable, the one the mapper met first (model
/// order, not document order) is reported, with the path and the record's UUID, which may come after the bad value.
/// One instance per <see cref="XmlReader"/>: it holds the reader's name atoms and scratch lists.
/// </remarks>
internal sealed class XpmRecordReader
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd", "yyyyMMdd",
    ];

    private static readonly string[] FieldNames = Enum.GetNames<Field>();

    private readonly XmlReader _reader;

    // Element names as atoms of the reader's own NameTable: the reader hands out the same string instance for every
    // <Name>, so a name is found by reference (no string compare, no hashing of the characters).
    private readonly Dictionary<object, Field> _fields = new(ReferenceEqualityComparer.Instance);

    private readonly string[] _path = new string[XpmXmlParser.MaxDepth + 2];
    private int _pathLength;
    private string? _owner;

    // The first problem of the record being read: its position in the model (the order the old mapper evaluated it)
    // and the message without the record's UUID, which is added when the whole record has been read.
    private int _problemOrder = int.MaxValue;
    private string? _problem;

    private readonly List<XpmContact> _contacts = [];
    private readonly List<XpmRef> _refs = [];
    private readonly List<XpmRelationship> _relationships = [];

    public XpmRecordReader(XmlReader reader)
    {
        _reader = reader;
        for (var i = 1; i < FieldNames.Length; i++)
        {
            _fields[reader.NameTable.Add(FieldNames[i])] = (Field)i;
        }
    }

    private enum Field
    {
        Unknown,
        UUID, Name, Title, Gender, FirstName, LastName, OtherName, Email, DateOfBirth,
        Address, City, Region, PostCode, Country, PostalAddress, PostalCity, PostalRegion, PostalPostCode, PostalCountry,
        Phone, Fax, Website, ReferralSource, ExportCode, IsProspect, IsArchived, IsDeleted,
        AccountManager, JobManager, BillingClient, BusinessStructure, TaxNumber, CompanyNumber, BusinessNumber, GSTRegistered,
        Contacts, Contact, Groups, Group, Relationships, Relationship, WebUrl,
        Mobile, PayrollCode, Salutation, Addressee, Position, IsPrimary, Taxable, Clients, Client,
        Type, RelatedClient, NumberOfShares, Percentage, StartDate, EndDate,
    }

    public static ValueTask<XpmStaff> StaffAsync(XpmRecordReader r) => r.ReadRootAsync(r.StaffAsync);
    public static ValueTask<XpmClientRecord> ClientAsync(XpmRecordReader r) => r.ReadRootAsync(r.ClientAsync);
    public static ValueTask<XpmGroup> GroupAsync(XpmRecordReader r) => r.ReadRootAsync(r.GroupAsync);
    public static ValueTask<XpmContact> ContactAsync(XpmRecordReader r) => r.ReadRootAsync(r.ContactAsync);

    /// <summary>
    /// The <c>&lt;Contact&gt;</c> items of a <c>&lt;Contacts&gt;</c> list the reader is on (a contacts page). As before,
    /// an error names the path from <c>&lt;Contacts&gt;</c> and no record UUID.
    /// </summary>
    public async ValueTask<List<XpmContact>> ContactListAsync()
    {
        var contacts = new List<XpmContact>();
        _pathLength = 0;
        _owner = null;
        _problem = null;
        _problemOrder = int.MaxValue;
        var list = Enter();
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(list).ConfigureAwait(false))
            {
                if (FieldOf() == Field.Contact)
                {
                    var contact = await NestedAsync(0, ContactAsync).ConfigureAwait(false);
                    if (contact is not null)
                    {
                        contacts.Add(contact);
                    }
                }
                else
                {
                    await SkipAsync().ConfigureAwait(false);
                }
            }
        }

        Leave();
        ThrowIfProblem();
        return contacts;
    }

    /// <summary>Reads the record the reader is on; leaves the reader on its end tag (or on it, when it is empty).</summary>
    private async ValueTask<T> ReadRootAsync<T>(Func<ValueTask<T?>> read)
        where T : class
    {
        _pathLength = 0;
        _owner = null;
        _problem = null;
        _problemOrder = int.MaxValue;
        var record = await read().ConfigureAwait(false);
        ThrowIfProblem();
        return record!;
    }

    private void ThrowIfProblem()
    {
        if (_problem is not null)
        {
            var owner = string.IsNullOrEmpty(_owner) ? "" : $" (in {_path[0]} {_owner})";
            throw new XpmException(new XpmMalformedResponseError($"{_problem}{owner}."));
        }
    }

    /// <summary>
    /// Reads a record inside another one (a contact in a client…). Its own problems are ranked among themselves first,
    /// then its first one counts as a problem of the enclosing record at <paramref name="order"/>.
    /// </summary>
    private async ValueTask<T?> NestedAsync<T>(int order, Func<ValueTask<T?>> read)
        where T : class
    {
        var (outerProblem, outerOrder) = (_problem, _problemOrder);
        (_problem, _problemOrder) = (null, int.MaxValue);
        var record = await read().ConfigureAwait(false);
        var inner = _problem;
        (_problem, _problemOrder) = (outerProblem, outerOrder);
        if (inner is not null)
        {
            Report(order, inner);
        }

        return record;
    }

    private async ValueTask<XpmStaff?> StaffAsync()
    {
        var depth = Enter();
        Guid? uuid = null;
        string? name = null, email = null, phone = null, mobile = null, address = null, payrollCode = null, webUrl = null;
        var seen = 0UL;
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(depth).ConfigureAwait(false))
            {
                var field = FieldOf();
                if (!FirstOf(field, ref seen))
                {
                    await SkipAsync().ConfigureAwait(false);
                    continue;
                }

                switch (field)
                {
                    case Field.UUID: uuid = await UuidAsync(0).ConfigureAwait(false); break;
                    case Field.Name: name = await TextAsync().ConfigureAwait(false); break;
                    case Field.Email: email = await TextAsync().ConfigureAwait(false); break;
                    case Field.Phone: phone = await TextAsync().ConfigureAwait(false); break;
                    case Field.Mobile: mobile = await TextAsync().ConfigureAwait(false); break;
                    case Field.Address: address = await TextAsync().ConfigureAwait(false); break;
                    case Field.PayrollCode: payrollCode = await TextAsync().ConfigureAwait(false); break;
                    case Field.WebUrl: webUrl = await TextAsync().ConfigureAwait(false); break;
                    default: await SkipAsync().ConfigureAwait(false); break;
                }
            }
        }

        RequireUuid(uuid);
        Leave();
        return _problem is not null ? null : new XpmStaff
        {
            Uuid = uuid!.Value,
            Name = name ?? "",
            Email = email,
            Phone = phone,
            Mobile = mobile,
            Address = address,
            PayrollCode = payrollCode,
            WebUrl = webUrl,
        };
    }

    private async ValueTask<XpmClientRecord?> ClientAsync()
    {
        var depth = Enter();
        Guid? uuid = null;
        string? name = null, title = null, gender = null, firstName = null, lastName = null, otherName = null, email = null;
        DateOnly? dateOfBirth = null;
        string? address = null, city = null, region = null, postCode = null, country = null;
        string? postalAddress = null, postalCity = null, postalRegion = null, postalPostCode = null, postalCountry = null;
        string? phone = null, fax = null, website = null, referralSource = null, exportCode = null;
        bool? isProspect = null, isArchived = null, isDeleted = null, gstRegistered = null;
        XpmRef? accountManager = null, jobManager = null, billingClient = null;
        string? businessStructure = null, taxNumber = null, companyNumber = null, businessNumber = null, webUrl = null;
        XpmContact[] contacts = [];
        XpmRef[] groups = [];
        XpmRelationship[] relationships = [];
        var seen = 0UL;
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(depth).ConfigureAwait(false))
            {
                var field = FieldOf();
                if (!FirstOf(field, ref seen))
                {
                    await SkipAsync().ConfigureAwait(false);
                    continue;
                }

                // The numbers are each value's place in the model, the order the mapper used to read (and fail) in.
                switch (field)
                {
                    case Field.UUID: uuid = await UuidAsync(0).ConfigureAwait(false); break;
                    case Field.Name: name = await TextAsync().ConfigureAwait(false); break;
                    case Field.Title: title = await TextAsync().ConfigureAwait(false); break;
                    case Field.Gender: gender = await TextAsync().ConfigureAwait(false); break;
                    case Field.FirstName: firstName = await TextAsync().ConfigureAwait(false); break;
                    case Field.LastName: lastName = await TextAsync().ConfigureAwait(false); break;
                    case Field.OtherName: otherName = await TextAsync().ConfigureAwait(false); break;
                    case Field.Email: email = await TextAsync().ConfigureAwait(false); break;
                    case Field.DateOfBirth: dateOfBirth = await DateAsync(8).ConfigureAwait(false); break;
                    case Field.Address: address = await TextAsync().ConfigureAwait(false); break;
                    case Field.City: city = await TextAsync().ConfigureAwait(false); break;
                    case Field.Region: region = await TextAsync().ConfigureAwait(false); break;
                    case Field.PostCode: postCode = await TextAsync().ConfigureAwait(false); break;
                    case Field.Country: country = await TextAsync().ConfigureAwait(false); break;
                    case Field.PostalAddress: postalAddress = await TextAsync().ConfigureAwait(false); break;
                    case Field.PostalCity: postalCity = await TextAsync().ConfigureAwait(false); break;
                    case Field.PostalRegion: postalRegion = await TextAsync().ConfigureAwait(false); break;
                    case Field.PostalPostCode: postalPostCode = await TextAsync().ConfigureAwait(false); break;
                    case Field.PostalCountry: postalCountry = await TextAsync().ConfigureAwait(false); break;
                    case Field.Phone: phone = await TextAsync().ConfigureAwait(false); break;
                    case Field.Fax: fax = await TextAsync().ConfigureAwait(false); break;
                    case Field.Website: website = await TextAsync().ConfigureAwait(false); break;
                    case Field.ReferralSource: referralSource = await TextAsync().ConfigureAwait(false); break;
                    case Field.ExportCode: exportCode = await TextAsync().ConfigureAwait(false); break;
                    case Field.IsProspect: isProspect = await BoolAsync(24).ConfigureAwait(false); break;
                    case Field.IsArchived: isArchived = await BoolAsync(25).ConfigureAwait(false); break;
                    case Field.IsDeleted: isDeleted = await BoolAsync(26).ConfigureAwait(false); break;
                    case Field.AccountManager: accountManager = await NestedAsync(27, RefAsync).ConfigureAwait(false); break;
                    case Field.JobManager: jobManager = await NestedAsync(28, RefAsync).ConfigureAwait(false); break;
                    case Field.BillingClient: billingClient = await NestedAsync(29, RefAsync).ConfigureAwait(false); break;
                    case Field.BusinessStructure: businessStructure = await TextAsync().ConfigureAwait(false); break;
                    case Field.TaxNumber: taxNumber = await TextAsync().ConfigureAwait(false); break;
                    case Field.CompanyNumber: companyNumber = await TextAsync().ConfigureAwait(false); break;
                    case Field.BusinessNumber: businessNumber = await TextAsync().ConfigureAwait(false); break;
                    case Field.GSTRegistered: gstRegistered = await BoolAsync(34).ConfigureAwait(false); break;
                    case Field.Contacts: contacts = await ContactsAsync(35).ConfigureAwait(false); break;
                    case Field.Groups: groups = await RefsAsync(36, Field.Group).ConfigureAwait(false); break;
                    case Field.Relationships: relationships = await RelationshipsAsync(37).ConfigureAwait(false); break;
                    case Field.WebUrl: webUrl = await TextAsync().ConfigureAwait(false); break;
                    default: await SkipAsync().ConfigureAwait(false); break;
                }
            }
        }

        RequireUuid(uuid);
        Leave();
        return _problem is not null ? null : new XpmClientRecord
        {
            Uuid = uuid!.Value,
            Name = name ?? "",
            Title = title,
            Gender = gender,
            FirstName = firstName,
            LastName = lastName,
            OtherName = otherName,
            Email = email,
            DateOfBirth = dateOfBirth,
            Address = address,
            City = city,
            Region = region,
            PostCode = postCode,
            Country = country,
            PostalAddress = postalAddress,
            PostalCity = postalCity,
            PostalRegion = postalRegion,
            PostalPostCode = postalPostCode,
            PostalCountry = postalCountry,
            Phone = phone,
            Fax = fax,
            Website = website,
            ReferralSource = referralSource,
            ExportCode = exportCode,
            IsProspect = isProspect ?? false,
            IsArchived = isArchived ?? false,
            IsDeleted = isDeleted ?? false,
            AccountManager = accountManager,
            JobManager = jobManager,
            BillingClient = billingClient,
            BusinessStructure = businessStructure,
            TaxNumber = taxNumber,
            CompanyNumber = companyNumber,
            BusinessNumber = businessNumber,
            GSTRegistered = gstRegistered,
            Contacts = contacts,
            Groups = groups,
            Relationships = relationships,
            WebUrl = webUrl,
        };
    }

    private async ValueTask<XpmContact?> ContactAsync()
    {
        var depth = Enter();
        Guid? uuid = null;
        string? name = null, salutation = null, addressee = null, mobile = null, email = null, phone = null, position = null;
        bool? isPrimary = null, isDeleted = null;
        var seen = 0UL;
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(depth).ConfigureAwait(false))
            {
                var field = FieldOf();
                if (!FirstOf(field, ref seen))
                {
                    await SkipAsync().ConfigureAwait(false);
                    continue;
                }

                switch (field)
                {
                    case Field.UUID: uuid = await UuidAsync(0).ConfigureAwait(false); break;
                    case Field.Name: name = await TextAsync().ConfigureAwait(false); break;
                    case Field.Salutation: salutation = await TextAsync().ConfigureAwait(false); break;
                    case Field.Addressee: addressee = await TextAsync().ConfigureAwait(false); break;
                    case Field.Mobile: mobile = await TextAsync().ConfigureAwait(false); break;
                    case Field.Email: email = await TextAsync().ConfigureAwait(false); break;
                    case Field.Phone: phone = await TextAsync().ConfigureAwait(false); break;
                    case Field.Position: position = await TextAsync().ConfigureAwait(false); break;
                    case Field.IsPrimary: isPrimary = await BoolAsync(8).ConfigureAwait(false); break;
                    case Field.IsDeleted: isDeleted = await BoolAsync(9).ConfigureAwait(false); break;
                    default: await SkipAsync().ConfigureAwait(false); break;
                }
            }
        }

        Leave();
        return _problem is not null ? null : new XpmContact
        {
            Uuid = uuid,
            Name = name ?? "",
            Salutation = salutation,
            Addressee = addressee,
            Mobile = mobile,
            Email = email,
            Phone = phone,
            Position = position,
            IsPrimary = isPrimary ?? false,
            IsDeleted = isDeleted ?? false,
        };
    }

    private async ValueTask<XpmGroup?> GroupAsync()
    {
        var depth = Enter();
        Guid? uuid = null;
        string? name = null;
        bool? taxable = null;
        XpmRef[] clients = [];
        var seen = 0UL;
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(depth).ConfigureAwait(false))
            {
                var field = FieldOf();
                if (!FirstOf(field, ref seen))
                {
                    await SkipAsync().ConfigureAwait(false);
                    continue;
                }

                switch (field)
                {
                    case Field.UUID: uuid = await UuidAsync(0).ConfigureAwait(false); break;
                    case Field.Name: name = await TextAsync().ConfigureAwait(false); break;
                    case Field.Taxable: taxable = await BoolAsync(2).ConfigureAwait(false); break;
                    case Field.Clients: clients = await RefsAsync(3, Field.Client).ConfigureAwait(false); break;
                    default: await SkipAsync().ConfigureAwait(false); break;
                }
            }
        }

        RequireUuid(uuid);
        Leave();
        return _problem is not null ? null : new XpmGroup { Uuid = uuid!.Value, Name = name ?? "", Taxable = taxable, Clients = clients };
    }

    private async ValueTask<XpmRelationship?> RelationshipAsync()
    {
        var depth = Enter();
        Guid? uuid = null;
        string? type = null;
        XpmRef? related = null;
        int? shares = null;
        decimal? percentage = null;
        DateOnly? start = null, end = null;
        var seen = 0UL;
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(depth).ConfigureAwait(false))
            {
                var field = FieldOf();
                if (!FirstOf(field, ref seen))
                {
                    await SkipAsync().ConfigureAwait(false);
                    continue;
                }

                switch (field)
                {
                    case Field.UUID: uuid = await UuidAsync(0).ConfigureAwait(false); break;
                    case Field.Type: type = await TextAsync().ConfigureAwait(false); break;
                    case Field.RelatedClient: related = await NestedAsync(2, RefAsync).ConfigureAwait(false); break;
                    case Field.NumberOfShares: shares = await IntAsync(3).ConfigureAwait(false); break;
                    case Field.Percentage: percentage = await DecimalAsync(4).ConfigureAwait(false); break;
                    case Field.StartDate: start = await DateAsync(5).ConfigureAwait(false); break;
                    case Field.EndDate: end = await DateAsync(6).ConfigureAwait(false); break;
                    default: await SkipAsync().ConfigureAwait(false); break;
                }
            }
        }

        RequireUuid(uuid);
        if (related is null)
        {
            Report(2, $"{Path()} has no <RelatedClient> with a UUID");
        }

        Leave();
        return _problem is not null ? null : new XpmRelationship(uuid!.Value, type, related!, shares, percentage, start, end);
    }

    /// <summary>A link whose UUID is blank or missing (XPM writes unset managers as empty or leaves them out) is no link.</summary>
    private async ValueTask<XpmRef?> RefAsync()
    {
        var depth = Enter();
        Guid? uuid = null;
        string? name = null;
        var seen = 0UL;
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(depth).ConfigureAwait(false))
            {
                var field = FieldOf();
                if (!FirstOf(field, ref seen))
                {
                    await SkipAsync().ConfigureAwait(false);
                    continue;
                }

                switch (field)
                {
                    case Field.UUID: uuid = await UuidAsync(0).ConfigureAwait(false); break;
                    case Field.Name: name = await TextAsync().ConfigureAwait(false); break;
                    default: await SkipAsync().ConfigureAwait(false); break;
                }
            }
        }

        Leave();
        return _problem is null && uuid is { } value ? new XpmRef(value, name ?? "") : null;
    }

    private async ValueTask<XpmContact[]> ContactsAsync(int order)
    {
        var depth = Enter();
        _contacts.Clear();
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(depth).ConfigureAwait(false))
            {
                if (FieldOf() != Field.Contact)
                {
                    await SkipAsync().ConfigureAwait(false);
                }
                else if (await NestedAsync(order, ContactAsync).ConfigureAwait(false) is { } contact)
                {
                    _contacts.Add(contact);
                }
            }
        }

        Leave();
        return _contacts.Count == 0 ? [] : [.. _contacts];
    }

    private async ValueTask<XpmRelationship[]> RelationshipsAsync(int order)
    {
        var depth = Enter();
        _relationships.Clear();
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(depth).ConfigureAwait(false))
            {
                if (FieldOf() != Field.Relationship)
                {
                    await SkipAsync().ConfigureAwait(false);
                }
                else if (await NestedAsync(order, RelationshipAsync).ConfigureAwait(false) is { } relationship)
                {
                    _relationships.Add(relationship);
                }
            }
        }

        Leave();
        return _relationships.Count == 0 ? [] : [.. _relationships];
    }

    private async ValueTask<XpmRef[]> RefsAsync(int order, Field item)
    {
        var depth = Enter();
        _refs.Clear();
        if (!_reader.IsEmptyElement)
        {
            while (await NextChildAsync(depth).ConfigureAwait(false))
            {
                if (FieldOf() != item)
                {
                    await SkipAsync().ConfigureAwait(false);
                }
                else if (await NestedAsync(order, RefAsync).ConfigureAwait(false) is { } link)
                {
                    _refs.Add(link);
                }
            }
        }

        Leave();
        return _refs.Count == 0 ? [] : [.. _refs];
    }

    /// <summary>A UUID; the outermost record's own is also kept (as sent) to name the record in an error message.</summary>
    private async ValueTask<Guid?> UuidAsync(int order)
    {
        var isRoot = _pathLength == 1;
        var text = await ValueAsync().ConfigureAwait(false);
        if (isRoot)
        {
            _owner = text?.Trim();
        }

        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        if (Guid.TryParse(span, out var uuid))
        {
            return uuid;
        }

        Unreadable(order, text!, "a UUID");
        return null;
    }

    private void RequireUuid(Guid? uuid)
    {
        if (uuid is null)
        {
            Report(0, $"{Path()} has no UUID");
        }
    }

    private async ValueTask<bool?> BoolAsync(int order)
    {
        var text = await ValueAsync().ConfigureAwait(false);
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        // Clients and contacts say Yes/No; other XPM records say true/false.
        if (span.Equals("Yes", StringComparison.OrdinalIgnoreCase) || span.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (span.Equals("No", StringComparison.OrdinalIgnoreCase) || span.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Unreadable(order, text!, "Yes/No or true/false");
        return null;
    }

    private async ValueTask<DateOnly?> DateAsync(int order)
    {
        var text = await ValueAsync().ConfigureAwait(false);
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        if (TryParseDate(span, out var date))
        {
            return date;
        }

        Unreadable(order, text!, "a date such as 1970-11-26, 1970-11-26T00:00:00 or 19701126");
        return null;
    }

    /// <summary>
    /// XPM's three usual spellings by hand (profiled: <c>TryParseExact</c> over six formats was 7–11 % of a fetch);
    /// anything else (fractions, a zone) goes to <c>TryParseExact</c> as before, so the same texts are accepted.
    /// </summary>
    internal static bool TryParseDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        if (s.Length is 10 or 19 && s[4] == '-' && s[7] == '-'
            && (s.Length == 10 || (s[10] == 'T' && s[13] == ':' && s[16] == ':'
                && TwoDigits(s, 11) is >= 0 and < 24 && TwoDigits(s, 14) is >= 0 and < 60 && TwoDigits(s, 17) is >= 0 and < 60))
            && TryDate(FourDigits(s, 0), TwoDigits(s, 5), TwoDigits(s, 8), out date))
        {
            return true;
        }

        if (s.Length == 8 && TryDate(FourDigits(s, 0), TwoDigits(s, 4), TwoDigits(s, 6), out date))
        {
            return true;
        }

        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            date = DateOnly.FromDateTime(value);
            return true;
        }

        date = default;
        return false;

        static int Digit(char c) => c is >= '0' and <= '9' ? c - '0' : -1_000;
        static int TwoDigits(ReadOnlySpan<char> s, int at) => Digit(s[at]) * 10 + Digit(s[at + 1]) is var v and >= 0 ? v : -1;
        static int FourDigits(ReadOnlySpan<char> s, int at) => TwoDigits(s, at) is var high and >= 0 && TwoDigits(s, at + 2) is var low and >= 0
            ? high * 100 + low
            : -1;

        static bool TryDate(int year, int month, int day, out DateOnly date)
        {
            if (year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                date = new DateOnly(year, month, day);
                return true;
            }

            date = default;
            return false;
        }
    }

    private async ValueTask<int?> IntAsync(int order)
    {
        var text = await ValueAsync().ConfigureAwait(false);
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        if (int.TryParse(span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Unreadable(order, text!, "a whole number");
        return null;
    }

    private async ValueTask<decimal?> DecimalAsync(int order)
    {
        var text = await ValueAsync().ConfigureAwait(false);
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        if (decimal.TryParse(span, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Unreadable(order, text!, "a number");
        return null;
    }

    /// <summary>Null when the element is empty; text is otherwise kept exactly as sent (spaces, line feeds).</summary>
    private async ValueTask<string?> TextAsync() => await ValueAsync().ConfigureAwait(false) is { Length: > 0 } text ? text : null;

    /// <summary>
    /// All the text inside the element the reader is on, as <c>XElement.Value</c> gave it (text of child elements
    /// included); null when there is none. Leaves the reader on the element's end tag.
    /// </summary>
    private async ValueTask<string?> ValueAsync()
    {
        if (_reader.IsEmptyElement)
        {
            return null;
        }

        var depth = _reader.Depth;
        string? value = null;
        while (await _reader.ReadAsync().ConfigureAwait(false))
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // Nearly always one text node: its string is the value, with no copy.
                    value = value is null ? _reader.Value : value + _reader.Value;
                    break;
                case XmlNodeType.Element:
                    EnsureShallow();
                    break;
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    return value;
            }
        }

        return value;
    }

    /// <summary>Skips the element the reader is on, still refusing one nested too deep, as the tree-based reader did.</summary>
    private async ValueTask SkipAsync()
    {
        if (_reader.IsEmptyElement)
        {
            return;
        }

        var depth = _reader.Depth;
        while (await _reader.ReadAsync().ConfigureAwait(false))
        {
            if (_reader.NodeType == XmlNodeType.Element)
            {
                EnsureShallow();
            }
            else if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>Moves to the next child element of the element at <paramref name="depth"/>; false at its end tag.</summary>
    private async ValueTask<bool> NextChildAsync(int depth)
    {
        while (await _reader.ReadAsync().ConfigureAwait(false))
        {
            if (_reader.NodeType == XmlNodeType.Element)
            {
                EnsureShallow();
                return true;
            }

            if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>XmlReader has no depth limit of its own; see <see cref="XpmXmlParser.MaxDepth"/>.</summary>
    private void EnsureShallow()
    {
        if (_reader.Depth > XpmXmlParser.MaxDepth)
        {
            throw new XpmException(new XpmMalformedResponseError(
                $"its elements nest more than {XpmXmlParser.MaxDepth} deep (at <{_reader.LocalName}>), far deeper than any XPM reply; it was refused"));
        }
    }

    /// <summary>The field the reader's element is; elements in a namespace never were (<c>XElement.Element("Name")</c>).</summary>
    private Field FieldOf() =>
        _reader.NamespaceURI.Length == 0 && _fields.TryGetValue(_reader.LocalName, out var field) ? field : Field.Unknown;

    /// <summary>True for the first element of a field in a record: of repeated elements the first wins.</summary>
    private static bool FirstOf(Field field, ref ulong seen)
    {
        if (field == Field.Unknown)
        {
            return true;
        }

        var bit = 1UL << (int)field;
        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }

    private int Enter()
    {
        _path[_pathLength++] = _reader.LocalName;
        return _reader.Depth;
    }

    private void Leave() => _pathLength--;

    private string Path() => string.Concat(_path.AsSpan(0, _pathLength).ToArray().Select(name => $"<{name}>"));

    private void Unreadable(int order, string text, string expected)
    {
        var value = text.Length > 80 ? text[..80] + "…" : text;

        // The value's element is not on the path: it is the reader's current (end) element.
        Report(order, $"{Path()}<{_reader.LocalName}> holds '{value}', expected {expected}");
    }

    private void Report(int order, string problem)
    {
        if (order < _problemOrder)
        {
            (_problem, _problemOrder) = (problem, order);
        }
    }
}
