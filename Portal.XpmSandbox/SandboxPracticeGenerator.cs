using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Portal.XpmSandbox;

/// <summary>
/// Builds a deterministic practice: the same seed and sizes give the same records, UUIDs included.
/// People (Individual) come in families, with entities (Company, Trust, Partnership, …) related to them,
/// family groups, shared contacts and the awkward spellings real practices have. With <c>wellKnown</c>
/// the practice also holds the fixed records of <see cref="SandboxWellKnown"/> (Ana Whitfield and friends).
/// Generated modified times fall between <see cref="ModifiedFrom"/> and <see cref="ModifiedUntil"/>.
/// </summary>
public static class SandboxPracticeGenerator
{
    /// <summary>Room for the well-known records.</summary>
    public const int MinimumClients = 20;

    public const int MinimumStaff = 2;

    public const int FirstInternalId = 4_400_001;

    public static readonly DateTime ModifiedFrom = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime ModifiedUntil = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static SandboxPracticeState Generate(int seed, int clients, int staff, bool wellKnown = true, int firstInternalId = FirstInternalId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, wellKnown ? MinimumClients : 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clients, XpmSandboxOptions.MaxClients);
        ArgumentOutOfRangeException.ThrowIfLessThan(staff, wellKnown ? MinimumStaff : 1);

        var builder = new Builder(seed, clients, firstInternalId);
        builder.AddStaff(staff, wellKnown);
        if (wellKnown)
        {
            builder.AddWellKnown();
        }

        while (!builder.Full)
        {
            builder.AddFamily();
        }

        return builder.Build();
    }

    /// <summary>Lower-case ASCII letters and digits only: "Ngātai" → "ngatai", "O'Brien" → "obrien".</summary>
    internal static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var folded = ch switch { 'ø' or 'Ø' => "o", 'ß' => "ss", 'æ' or 'Æ' => "ae", 'ł' or 'Ł' => "l", _ => null };
            if (folded is not null)
            {
                builder.Append(folded);
            }
            else if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        return builder.ToString();
    }

    private sealed class Builder(int seed, int target, int firstInternalId)
    {
        private const string StaffDomain = "harbourside.example";

        private readonly Random _random = new(seed);
        private readonly List<SandboxStaff> _staff = [];
        private readonly List<SandboxClient> _clients = [];
        private readonly List<SandboxContact> _contacts = [];
        private readonly List<SandboxGroup> _groups = [];
        private readonly List<Guid> _externalContacts = [];
        private readonly Dictionary<int, Guid> _personContacts = [];
        private readonly HashSet<string> _emails = new(StringComparer.OrdinalIgnoreCase);

        public bool Full => _clients.Count >= target;

        public SandboxPracticeState Build() => SandboxPracticeState.Create(_staff, _clients, _contacts, _groups);

        public void AddStaff(int count, bool wellKnown)
        {
            if (wellKnown)
            {
                _staff.Add(new SandboxStaff(SandboxWellKnown.MereTautahi, SandboxWellKnown.MereTautahiName, Reserve("mere.tautahi@" + StaffDomain),
                    "06 555 0100", "021 555 0100", "Level 1, 200 Queen Street East\nHastings 4122", "MT01"));
                _staff.Add(new SandboxStaff(SandboxWellKnown.SioneFifita, SandboxWellKnown.SioneFifitaName, Reserve("sione.fifita@" + StaffDomain),
                    "06 555 0101", "", "", "SF02"));
            }

            var names = _staff.Select(s => s.Name).ToHashSet();
            while (_staff.Count < count)
            {
                var first = Chance(0.5) ? Pick(SandboxNames.FemaleFirstNames) : Pick(SandboxNames.MaleFirstNames);
                var last = Pick(SandboxNames.Surnames);
                if (!names.Add($"{first} {last}"))
                {
                    continue;
                }

                var place = Pick(SandboxNames.Places);
                _staff.Add(new SandboxStaff(
                    NewGuid(),
                    $"{first} {last}",
                    UniqueEmail($"{Slug(first)}.{Slug(last)}", StaffDomain),
                    Chance(0.7) ? $"{place.Area} 555 {_random.Next(100, 1000):D4}" : "",
                    Chance(0.7) ? Mobile() : "",
                    Chance(0.4) ? $"{_random.Next(1, 200)} {Pick(SandboxNames.Streets)}\n{place.City} {place.PostCode}" : "",
                    Chance(0.6) ? $"{Slug(first)[..1].ToUpperInvariant()}{Slug(last)[..1].ToUpperInvariant()}{_staff.Count + 1:D2}" : ""));
            }
        }

        /// <summary>The fixed cast of <see cref="SandboxWellKnown"/>; every variety the tests promise appears here at least once.</summary>
        public void AddWellKnown()
        {
            var mere = SandboxWellKnown.MereTautahi;
            var sione = SandboxWellKnown.SioneFifita;
            Reserve(SandboxWellKnown.AnaWhitfieldEmail);

            var kowhai = Add(NewEntity(SandboxWellKnown.KowhaiRidgeOrchardsName, SandboxBusinessStructures.Company) with
            {
                Uuid = SandboxWellKnown.KowhaiRidgeOrchards,
                Email = Reserve("office@kowhairidge.example"),
                Address = "14 Packhouse Road",
                City = "Hastings",
                Region = "Hawke's Bay",
                PostCode = "4120",
                Country = "New Zealand",
                PostalAddress = "PO Box 310",
                PostalCity = "Hastings",
                PostalRegion = "",
                PostalPostCode = "4156",
                PostalCountry = "",
                Phone = "06 555 0142",
                Fax = "",
                Website = "",
                ExportCode = "KRO01",
                IsProspect = false,
                AccountManagerUuid = mere,
                JobManagerUuid = sione,
                Type = SandboxNames.BillingTypes[0],
                BillingClientUuid = null,
                Tax = EntityTax(SandboxBusinessStructures.Company, SandboxWellKnown.KowhaiRidgeOrchardsName) with
                {
                    TaxNumber = "******417",
                    CompanyNumber = "7781234",
                    GstRegistered = true,
                    PrepareGst = true,
                    GstPeriod = "2 Monthly",
                    GstBasis = "Payment",
                    ClientCode = "KRO01",
                },
                Notes = [new SandboxNote("Engagement letter signed", "Signed engagement letter received and filed.", "", new DateTime(2025, 7, 15, 10, 41, 50, DateTimeKind.Utc), SandboxWellKnown.MereTautahiName)],
                Modified = new DateTime(2025, 7, 15, 10, 41, 50, DateTimeKind.Utc),
            });
            var ana = Add(NewPerson("Ana", "Whitfield") with
            {
                Uuid = SandboxWellKnown.AnaWhitfield,
                OtherName = null,
                Email = SandboxWellKnown.AnaWhitfieldEmail,
                DateOfBirth = new DateOnly(1978, 3, 14),
                Address = "27 Te Mata Road",
                City = "Havelock North",
                Region = "Hawke's Bay",
                PostCode = "4130",
                Country = "New Zealand",
                PostalAddress = "",
                PostalCity = "",
                PostalRegion = "",
                PostalPostCode = "",
                PostalCountry = "",
                Phone = "021 555 0199",
                ExportCode = "WHI01",
                IsProspect = false,
                AccountManagerUuid = mere,
                JobManagerUuid = sione,
                Type = null,
                Tax = PersonTax() with { TaxNumber = "******552" },
                Notes = [],
                Modified = new DateTime(2025, 6, 30, 9, 15, 0, DateTimeKind.Utc),
            });
            var tom = Add(NewPerson("Tom", "Whitfield") with { Email = UniqueEmail("tom.whitfield", "kowhairidge.example"), IsProspect = false });
            _personContacts[ana] = SandboxWellKnown.AnaWhitfieldContact;
            _contacts.Add(new SandboxContact(SandboxWellKnown.AnaWhitfieldContact, SandboxWellKnown.AnaWhitfieldName, "021 555 0199",
                SandboxWellKnown.AnaWhitfieldEmail, "", "Ana", "Ms A Whitfield"));
            Link(kowhai, SandboxWellKnown.AnaWhitfieldContact, "Director", primary: true);
            Relate(kowhai, ana, "Director", uuid: SandboxWellKnown.AnaDirectorOfKowhai, start: new DateOnly(2019, 4, 1), end: null);
            Relate(kowhai, ana, "Shareholder", shares: 500, uuid: SandboxWellKnown.AnaShareholderOfKowhai, start: new DateOnly(2019, 4, 1), end: null);
            Relate(kowhai, tom, "Shareholder", shares: 500, start: new DateOnly(2019, 4, 1), end: null);
            RelatePeople(ana, tom, "Spouse", "Spouse");
            AddGroup(SandboxWellKnown.WhitfieldFamilyGroupName, [kowhai, ana, tom], SandboxWellKnown.WhitfieldFamilyGroup);

            // Apostrophes; a person with no Email element and one with an empty one; a discretionary trust.
            var siobhan = Add(NewPerson("Siobhan", "O'Neill") with { Email = UniqueEmail("siobhan.oneill", "xtra.example"), IsProspect = false });
            var liam = Add(NewPerson("Liam", "O'Neill") with { Email = null, IsProspect = false });
            var oneillTrust = Add(NewEntity("O'Neill Family Trust", SandboxBusinessStructures.DiscretionaryTrust) with { IsProspect = false });
            Relate(oneillTrust, siobhan, "Trustee");
            Relate(oneillTrust, siobhan, "Beneficiary");
            Relate(oneillTrust, liam, "Beneficiary");
            Link(oneillTrust, ContactFor(siobhan), "Trustee");
            AddGroup("O'Neill Family", [siobhan, liam, oneillTrust]);

            // An ampersand in a partnership's name.
            var grace = Add(NewPerson("Grace", "Smith") with { Email = UniqueEmail("grace.smith", "gmail.example"), IsProspect = false });
            var david = Add(NewPerson("David", "Jones") with { Email = "", IsProspect = false });
            var smithJones = Add(NewEntity(SandboxWellKnown.SmithAndJonesPartnership, SandboxBusinessStructures.Partnership) with { IsProspect = false });
            Relate(smithJones, grace, "Partner", percentage: 50m);
            Relate(smithJones, david, "Partner", percentage: 50m);
            Link(smithJones, ContactFor(grace), "Partner");
            Link(smithJones, ContactFor(david), "Partner");

            // Non-ASCII letters and a multi-line street address.
            Add(NewPerson("Chloé", "Dubois") with
            {
                Email = UniqueEmail("chloe.dubois", "outlook.example"),
                IsProspect = false,
                Address = "Apartment 5\n101 Customs Street East",
                City = "Auckland",
                Region = "Auckland",
                PostCode = "1010",
                Country = "New Zealand",
            });

            // Two people sharing one household email; macrons; a shared bookkeeper contact across unrelated clients.
            var wiremu = Add(NewPerson("Wiremu", "Ngātai") with { Email = Reserve(SandboxWellKnown.NgataiHouseholdEmail), IsProspect = false });
            var aroha = Add(NewPerson("Aroha", "Ngātai") with { Email = SandboxWellKnown.NgataiHouseholdEmail, IsProspect = false });
            RelatePeople(wiremu, aroha, "Spouse", "Spouse");
            var honey = Add(NewEntity(SandboxWellKnown.TuhoeValleyHoney, SandboxBusinessStructures.Company) with { IsProspect = false, City = "Whakatāne", Region = "Bay of Plenty" });
            Relate(honey, wiremu, "Director");
            Relate(honey, wiremu, "Shareholder", shares: 600);
            Relate(honey, aroha, "Shareholder", shares: 400);
            Link(honey, ContactFor(wiremu), "Director");
            var whanauTrust = Add(NewEntity("Ngāti Rua Whānau Trust", SandboxBusinessStructures.Trust) with { IsProspect = false });
            Relate(whanauTrust, wiremu, "Trustee");
            Relate(whanauTrust, aroha, "Trustee");
            Relate(whanauTrust, aroha, "Settlor");
            Link(whanauTrust, ContactFor(aroha), "Trustee");
            AddGroup("Ngātai Whānau", [wiremu, aroha, honey, whanauTrust]);
            var bookkeeper = new SandboxContact(NewGuid(), SandboxWellKnown.SharedBookkeeperContact, "027 555 0123", Reserve("pita@ledgerlight.example"),
                "07 555 0188", "Pita", "Mr P Rāwiri");
            _contacts.Add(bookkeeper);
            _externalContacts.Add(bookkeeper.Uuid);
            Link(kowhai, bookkeeper.Uuid, "Bookkeeper", primary: false);
            Link(honey, bookkeeper.Uuid, "Bookkeeper", primary: false);

            // A sole trader and a self-managed super fund.
            var mike = Add(NewPerson("Mike", "Turner") with { Email = UniqueEmail("mike.turner", "slingshot.example"), IsProspect = false });
            var plumbing = Add(NewEntity("Mike Turner Plumbing", SandboxBusinessStructures.SoleTrader) with { IsProspect = false });
            Relate(plumbing, mike, "Owner");
            Link(plumbing, ContactFor(mike), "Owner");
            var fund = Add(NewEntity("Turner Super Fund", SandboxBusinessStructures.SelfManagedSuperFund) with { IsProspect = false });
            Relate(fund, mike, "Member");
            Relate(fund, mike, "Trustee");

            // One archived, one deleted, one prospect.
            Add(NewEntity(SandboxWellKnown.ArchivedClient, SandboxBusinessStructures.Company) with { IsArchived = true, IsProspect = false });
            Add(NewEntity(SandboxWellKnown.DeletedClient, SandboxBusinessStructures.Company) with { IsDeleted = true, IsProspect = false });
            Add(NewEntity(SandboxWellKnown.ProspectClient, SandboxBusinessStructures.Company) with { IsProspect = true, Tax = null });
        }

        public void AddFamily()
        {
            var surname = Pick(SandboxNames.Surnames);
            var adults = new List<int>();
            var family = new List<int>();
            var first = AddRandom(NewPerson(FirstName(out var firstIsFemale), surname));
            adults.Add(first);
            family.Add(first);

            if (!Full && Chance(0.6))
            {
                var partner = AddRandom(NewPerson(firstIsFemale ? Pick(SandboxNames.MaleFirstNames) : Pick(SandboxNames.FemaleFirstNames), surname));
                if (Chance(0.3) && !string.IsNullOrEmpty(_clients[first].Email))
                {
                    var household = UniqueEmail($"{Slug(surname)}.household", Pick(SandboxNames.PersonalDomains));
                    _clients[first] = _clients[first] with { Email = household };
                    _clients[partner] = _clients[partner] with { Email = household };
                }

                RelatePeople(first, partner, "Spouse", "Spouse");
                adults.Add(partner);
                family.Add(partner);
            }

            var children = Chance(0.2) ? _random.Next(1, 3) : 0;
            for (var i = 0; i < children && !Full; i++)
            {
                var child = AddRandom(NewPerson(FirstName(out _), surname) with { DateOfBirth = NextDate(1985, 2005) });
                foreach (var parent in adults)
                {
                    RelatePeople(parent, child, "Parent Of", "Child Of");
                }

                family.Add(child);
            }

            var roll = _random.NextDouble();
            var entities = roll < 0.4 ? 0 : roll < 0.75 ? 1 : roll < 0.93 ? 2 : 3;
            for (var i = 0; i < entities && !Full; i++)
            {
                family.Add(AddFamilyEntity(surname, adults, family));
            }

            if (family.Count >= 2 && Chance(0.7))
            {
                AddGroup($"{surname} Family", family);
            }
        }

        private int AddFamilyEntity(string surname, List<int> adults, List<int> family)
        {
            var roll = _random.NextDouble();
            var structure = roll switch
            {
                < 0.40 => SandboxBusinessStructures.Company,
                < 0.52 => SandboxBusinessStructures.Trust,
                < 0.62 => SandboxBusinessStructures.DiscretionaryTrust,
                < 0.65 => SandboxBusinessStructures.UnitTrust,
                < 0.75 => SandboxBusinessStructures.Partnership,
                < 0.90 => SandboxBusinessStructures.SoleTrader,
                _ => SandboxBusinessStructures.SelfManagedSuperFund,
            };
            var lead = adults[0];
            var leadFirst = _clients[lead].FirstName!;
            string name = structure switch
            {
                SandboxBusinessStructures.Company => Chance(0.5) ? $"{surname} Holdings Ltd" : $"{Pick(SandboxNames.BusinessWords)} {Pick(SandboxNames.Trades)} Ltd",
                SandboxBusinessStructures.Trust => $"{surname} Family Trust",
                SandboxBusinessStructures.DiscretionaryTrust => $"{surname} Discretionary Trust",
                SandboxBusinessStructures.UnitTrust => $"{Pick(SandboxNames.BusinessWords)} Property Unit Trust",
                SandboxBusinessStructures.SoleTrader => $"{leadFirst} {surname} {Pick(SandboxNames.SoleTraderTrades)}",
                SandboxBusinessStructures.SelfManagedSuperFund => $"{surname} Super Fund",
                _ => "",
            };

            var partners = adults;
            if (structure == SandboxBusinessStructures.Partnership)
            {
                var otherSurname = Pick(SandboxNames.Surnames);
                name = $"{surname} & {otherSurname} Partnership";
                if (adults.Count == 1 && !Full)
                {
                    partners = [lead, AddRandom(NewPerson(FirstName(out _), otherSurname))];
                }
            }

            if (Full)
            {
                return lead;
            }

            var entity = AddRandom(NewEntity(name, structure));
            switch (structure)
            {
                case SandboxBusinessStructures.Company:
                    int[] shares = adults.Count == 1 ? [1000] : Chance(0.5) ? [500, 500] : [600, 400];
                    for (var i = 0; i < adults.Count; i++)
                    {
                        if (i == 0 || Chance(0.5))
                        {
                            Relate(entity, adults[i], "Director");
                        }

                        Relate(entity, adults[i], "Shareholder", shares: shares[i]);
                    }

                    break;
                case SandboxBusinessStructures.Trust or SandboxBusinessStructures.DiscretionaryTrust or SandboxBusinessStructures.UnitTrust:
                    foreach (var adult in adults)
                    {
                        Relate(entity, adult, "Trustee");
                    }

                    foreach (var person in family.Where(p => _clients[p].IsIndividual))
                    {
                        Relate(entity, person, "Beneficiary");
                    }

                    if (Chance(0.3))
                    {
                        Relate(entity, lead, "Appointer");
                    }

                    break;
                case SandboxBusinessStructures.Partnership:
                    decimal[] split = partners.Count == 1 ? [100m] : Chance(0.6) ? [50m, 50m] : [60m, 40m];
                    for (var i = 0; i < partners.Count; i++)
                    {
                        Relate(entity, partners[i], "Partner", percentage: split[i]);
                    }

                    break;
                case SandboxBusinessStructures.SoleTrader:
                    Relate(entity, lead, "Owner");
                    break;
                default:
                    foreach (var adult in adults)
                    {
                        Relate(entity, adult, "Member");
                        Relate(entity, adult, "Trustee");
                    }

                    break;
            }

            var position = structure switch
            {
                SandboxBusinessStructures.Company => "Director",
                SandboxBusinessStructures.Partnership => "Partner",
                SandboxBusinessStructures.SoleTrader => "Owner",
                SandboxBusinessStructures.SelfManagedSuperFund => "Member",
                _ => "Trustee",
            };
            foreach (var person in partners.Take(Chance(0.5) ? 2 : 1))
            {
                Link(entity, ContactFor(person), position);
            }

            if (Chance(0.1))
            {
                Link(entity, ExternalContact(), Pick(SandboxNames.ExternalContactRoles), primary: false);
            }

            if (Chance(0.03))
            {
                _clients[entity] = _clients[entity] with { BillingClientUuid = _clients[lead].Uuid };
            }

            return entity;
        }

        private SandboxClient NewPerson(string first, string last)
        {
            var place = Pick(SandboxNames.Places);
            var roll = _random.NextDouble();
            var email = roll < 0.12 ? null : roll < 0.2 ? "" : UniqueEmail($"{Slug(first)}.{Slug(last)}", Pick(SandboxNames.PersonalDomains));
            var client = new SandboxClient
            {
                Uuid = NewGuid(),
                Name = $"{first} {last}",
                FirstName = first,
                LastName = last,
                OtherName = Chance(0.1) ? Pick(SandboxNames.FemaleFirstNames) : null,
                Email = email,
                DateOfBirth = NextDate(1940, 2000),
                Phone = Chance(0.6) ? Mobile() : "",
                BusinessStructure = SandboxBusinessStructures.Individual,
                Tax = Chance(0.85) ? PersonTax() : null,
            };
            return Finish(client with { ExportCode = Chance(0.5) ? ExportCode(last) : "" }, place);
        }

        private SandboxClient NewEntity(string name, string structure)
        {
            var place = Pick(SandboxNames.Places);
            var slug = Slug(name.Replace(" Ltd", "", StringComparison.Ordinal));
            var roll = _random.NextDouble();
            var email = roll < 0.15 ? null : roll < 0.3 ? "" : UniqueEmail(Chance(0.5) ? "info" : "accounts", slug + ".example");
            var client = new SandboxClient
            {
                Uuid = NewGuid(),
                Name = name,
                Email = email,
                Phone = Chance(0.8) ? $"{place.Area} 555 {_random.Next(0, 10000):D4}" : "",
                Fax = Chance(0.05) ? $"{place.Area} 555 {_random.Next(0, 10000):D4}" : "",
                Website = Chance(0.3) ? $"https://www.{slug}.example" : "",
                BusinessStructure = structure,
                Tax = Chance(0.9) ? EntityTax(structure, name) : null,
            };
            return Finish(client with { ExportCode = Chance(0.6) ? ExportCode(name) : "" }, place);
        }

        /// <summary>What people and entities share: address, managers, billing type, notes, status, modified time.</summary>
        private SandboxClient Finish(SandboxClient client, (string City, string Region, string PostCode, string Area) place)
        {
            var street = $"{_random.Next(1, 400)} {Pick(SandboxNames.Streets)}";
            var address = _random.NextDouble() switch
            {
                < 0.08 => $"Unit {_random.Next(1, 20)}\n{street}",
                < 0.12 => $"Flat {_random.Next(1, 9)}\n{street}",
                < 0.15 => "",
                _ => street,
            };
            var postal = _random.NextDouble();
            return client with
            {
                Address = address,
                City = address.Length == 0 ? "" : place.City,
                Region = address.Length == 0 ? "" : place.Region,
                PostCode = address.Length == 0 ? "" : place.PostCode,
                Country = address.Length == 0 || Chance(0.1) ? "" : "New Zealand",
                PostalAddress = postal < 0.15 ? $"PO Box {_random.Next(10, 9999)}" : postal < 0.3 ? address : "",
                PostalCity = postal < 0.3 ? place.City : "",
                PostalRegion = postal < 0.3 && Chance(0.5) ? place.Region : "",
                PostalPostCode = postal < 0.3 ? place.PostCode : "",
                PostalCountry = "",
                ReferralSource = Chance(0.1) ? Pick(["Website", "Referral", "Existing client"]) : "",
                IsProspect = Chance(0.03),
                AccountManagerUuid = Chance(0.9) ? Pick(_staff).Uuid : null,
                JobManagerUuid = Chance(0.8) ? Pick(_staff).Uuid : null,
                Type = Chance(0.25) ? Pick(SandboxNames.BillingTypes) : null,
                Notes = Chance(0.15) ? NewNotes() : [],
                Modified = NextModified(),
            };
        }

        private SandboxTaxDetails PersonTax() => new()
        {
            TaxNumber = MaskedTaxNumber(),
            BalanceMonth = "Mar",
            SignedTaxAuthority = Chance(0.7),
            TaxAgent = Chance(0.5) ? "Harbourside Accounting" : null,
            AgencyStatus = Pick(["With EOT", "Without EOT", "Unlinked"]),
            ReturnType = "IR3",
            PrepareTaxReturn = Chance(0.8),
        };

        private SandboxTaxDetails EntityTax(string structure, string name)
        {
            var gst = Chance(0.6);
            var provisional = Chance(0.5) ? Pick(["Standard", "Estimate", "Ratio", "AIM"]) : null;
            return new SandboxTaxDetails
            {
                TaxNumber = MaskedTaxNumber(),
                CompanyNumber = structure == SandboxBusinessStructures.Company ? _random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture) : "",
                BusinessNumber = Chance(0.7) ? $"9429{_random.NextInt64(100_000_000, 999_999_999)}" : "",
                BranchNumber = Chance(0.3) ? "1" : "",
                BalanceMonth = Chance(0.9) ? "Mar" : Pick(["Jun", "Sep", "Dec"]),
                GstRegistered = gst,
                PrepareGst = gst && Chance(0.8),
                GstPeriod = gst ? Pick(["Monthly", "2 Monthly", "6 Monthly"]) : null,
                GstBasis = gst ? Pick(["Invoice", "Payment", "Hybrid"]) : null,
                ProvisionalTaxBasis = provisional,
                ProvisionalTaxRatio = provisional == "Ratio" ? "8.5" : null,
                SignedTaxAuthority = Chance(0.8),
                TaxAgent = Chance(0.5) ? "Harbourside Accounting" : null,
                AgencyStatus = Pick(["With EOT", "Without EOT", "Unlinked"]),
                ReturnType = structure switch
                {
                    SandboxBusinessStructures.Company => "IR4",
                    SandboxBusinessStructures.Partnership => "IR7",
                    SandboxBusinessStructures.SoleTrader => "IR3",
                    _ => "IR6",
                },
                PrepareTaxReturn = Chance(0.9),
                BankName = Chance(0.4) ? Pick(["ANZ", "ASB", "BNZ", "Westpac", "Kiwibank"]) : null,
                ClientCode = Chance(0.5) ? ExportCode(name) : null,
            };
        }

        private ImmutableArray<SandboxNote> NewNotes()
        {
            var count = Chance(0.7) ? 1 : 2;
            var notes = ImmutableArray.CreateBuilder<SandboxNote>(count);
            for (var i = 0; i < count; i++)
            {
                var (title, text) = Pick(SandboxNames.Notes);
                notes.Add(new SandboxNote(title, text, Chance(0.3) ? "Correspondence" : "", NextModified(), Pick(_staff).Name));
            }

            return notes.MoveToImmutable();
        }

        private int Add(SandboxClient client)
        {
            _clients.Add(client with { InternalId = firstInternalId + _clients.Count });
            return _clients.Count - 1;
        }

        /// <summary>Adds a generated client, now and then archived or deleted.</summary>
        private int AddRandom(SandboxClient client)
        {
            var roll = _random.NextDouble();
            return Add(client with { IsArchived = roll < 0.02, IsDeleted = roll is >= 0.02 and < 0.03 });
        }

        private void Relate(int entity, int person, string type, int? shares = null, decimal? percentage = null, Guid? uuid = null, DateOnly? start = null, DateOnly? end = null)
        {
            var id = uuid ?? NewGuid();
            start ??= NextDate(2005, 2025);
            end ??= uuid is null && Chance(0.04) ? NextDate(2025, 2026) : null;
            _clients[entity] = _clients[entity] with
            {
                Relationships = _clients[entity].Relationships.Add(new SandboxRelationship(id, type, _clients[person].Uuid, shares, percentage, start, end, IsReverse: false)),
            };
            _clients[person] = _clients[person] with
            {
                Relationships = _clients[person].Relationships.Add(new SandboxRelationship(id, type, _clients[entity].Uuid, shares, percentage, start, end, IsReverse: true)),
            };
        }

        /// <summary>Person to person: each side has its own type ("Parent Of" / "Child Of").</summary>
        private void RelatePeople(int a, int b, string typeOnA, string typeOnB)
        {
            var id = NewGuid();
            var start = NextDate(1990, 2024);
            _clients[a] = _clients[a] with { Relationships = _clients[a].Relationships.Add(new SandboxRelationship(id, typeOnA, _clients[b].Uuid, null, null, start, null, false)) };
            _clients[b] = _clients[b] with { Relationships = _clients[b].Relationships.Add(new SandboxRelationship(id, typeOnB, _clients[a].Uuid, null, null, start, null, false)) };
        }

        private void AddGroup(string name, IEnumerable<int> members, Guid? uuid = null)
        {
            var group = new SandboxGroup(uuid ?? NewGuid(), name, Chance(0.3));
            _groups.Add(group);
            foreach (var member in members.Distinct())
            {
                _clients[member] = _clients[member] with { Groups = _clients[member].Groups.Add(group.Uuid) };
            }
        }

        /// <summary>One contact per person, reused on every entity they act for: so contacts are shared between clients.</summary>
        private Guid ContactFor(int person)
        {
            if (_personContacts.TryGetValue(person, out var existing))
            {
                return existing;
            }

            var client = _clients[person];
            var contact = new SandboxContact(NewGuid(), client.Name, Chance(0.6) ? Mobile() : "", client.Email ?? "", client.Phone,
                client.FirstName ?? "", Chance(0.5) ? $"{client.FirstName![..1]} {client.LastName}" : "");
            _contacts.Add(contact);
            _personContacts[person] = contact.Uuid;
            return contact.Uuid;
        }

        private Guid ExternalContact()
        {
            if (_externalContacts.Count < Math.Max(3, target / 150))
            {
                var first = FirstName(out _);
                var last = Pick(SandboxNames.Surnames);
                var contact = new SandboxContact(NewGuid(), $"{first} {last}", Mobile(), UniqueEmail($"{Slug(first)}.{Slug(last)}", "advisers.example"), "", first, "");
                _contacts.Add(contact);
                _externalContacts.Add(contact.Uuid);
                return contact.Uuid;
            }

            return Pick(_externalContacts);
        }

        private void Link(int client, Guid contact, string position, bool? primary = null)
        {
            var links = _clients[client].Contacts;
            var isPrimary = primary ?? links.IsEmpty;
            if (isPrimary)
            {
                links = [.. links.Select(l => l with { IsPrimary = false })];
            }

            _clients[client] = _clients[client] with { Contacts = links.Add(new SandboxContactLink(contact, position, isPrimary)) };
        }

        private string FirstName(out bool female)
        {
            female = Chance(0.5);
            return female ? Pick(SandboxNames.FemaleFirstNames) : Pick(SandboxNames.MaleFirstNames);
        }

        private string UniqueEmail(string local, string domain)
        {
            var candidate = $"{local}@{domain}";
            for (var n = 2; !_emails.Add(candidate); n++)
            {
                candidate = $"{local}{n}@{domain}";
            }

            return candidate;
        }

        private string Reserve(string email)
        {
            _emails.Add(email);
            return email;
        }

        private string ExportCode(string name)
        {
            var letters = Slug(name).ToUpperInvariant().PadRight(3, 'X');
            return $"{letters[..3]}{_random.Next(1, 100):D2}";
        }

        private string MaskedTaxNumber() => Chance(0.9) ? $"******{_random.Next(0, 1000):D3}" : "";

        private string Mobile() => $"02{Pick(["1", "2", "7"])} 555 {_random.Next(0, 10000):D4}";

        private DateOnly NextDate(int fromYear, int toYear)
        {
            var from = new DateOnly(fromYear, 1, 1).DayNumber;
            return DateOnly.FromDayNumber(_random.Next(from, new DateOnly(toYear, 1, 1).DayNumber));
        }

        private DateTime NextModified() =>
            ModifiedFrom.AddSeconds(_random.NextInt64(0, (long)(ModifiedUntil - ModifiedFrom).TotalSeconds));

        private Guid NewGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            _random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }

        private bool Chance(double probability) => _random.NextDouble() < probability;

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
    }
}
