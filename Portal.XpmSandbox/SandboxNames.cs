namespace Portal.XpmSandbox;

/// <summary>Word lists for <see cref="SandboxPracticeGenerator"/>: a New Zealand practice, with the spellings parsers trip on.</summary>
internal static class SandboxNames
{
    public static readonly string[] FemaleFirstNames =
    [
        "Olivia", "Charlotte", "Amelia", "Isla", "Mia", "Harper", "Ava", "Grace", "Emily", "Sophie", "Ruby", "Lily",
        "Ella", "Hannah", "Zoë", "Chloé", "Renée", "Māia", "Aroha", "Mereana", "Hine", "Pānia", "Āwhina", "Ngaio",
        "Kiri", "Priya", "Mei", "Ji-woo", "Siobhan", "Niamh", "Fatima", "Leilani", "Sina", "Anahera", "Tūī", "Ingrid",
        "Brigitte", "Marta", "Lucía", "Kate", "Sarah", "Rebecca", "Jessica", "Rachel", "Emma", "Louise", "Helen", "Fiona",
    ];

    public static readonly string[] MaleFirstNames =
    [
        "Oliver", "Jack", "Noah", "Leo", "George", "Luca", "William", "James", "Thomas", "Hunter", "Mason", "Liam",
        "Wiremu", "Rāwiri", "Hēmi", "Tāne", "Nikau", "Manaia", "Sione", "Tevita", "Raj", "Arjun", "Wei", "Minh",
        "José", "André", "François", "Søren", "Björn", "Seán", "Patrick", "Connor", "Michael", "David", "Daniel", "Matthew",
        "Andrew", "Peter", "Stephen", "Mark", "Paul", "Richard", "Hamish", "Angus", "Callum", "Fraser", "Ben", "Sam",
    ];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Anderson", "Thompson", "Walker", "Harris", "Martin",
        "Clarke", "Young", "Robinson", "King", "Wright", "Mitchell", "Campbell", "Stewart", "Scott", "Murray", "Reid",
        "O'Brien", "O'Connor", "O'Sullivan", "D'Souza", "McDonald", "MacKenzie", "McLeod", "Patel", "Singh", "Sharma",
        "Chen", "Wang", "Li", "Zhang", "Nguyen", "Tran", "Kim", "Park", "Tautahi", "Ngata", "Pōmare", "Ngātai", "Tāwhiri",
        "Parata", "Te Whata", "Horomona", "Rāwiri", "Walker-Ngata", "Fifita", "Tupou", "Faleolo", "Müller", "Schröder",
        "Åkesson", "Jansen", "de Vries", "van der Berg", "Dubois", "Lefèvre", "García", "Fernández", "Rossi", "Kowalski",
        "Brennan", "Gallagher", "Quinn", "Fletcher", "Hughes", "Morgan", "Baker", "Carter", "Cooper", "Turner", "Parker",
    ];

    public static readonly (string City, string Region, string PostCode, string Area)[] Places =
    [
        ("Hastings", "Hawke's Bay", "4120", "06"), ("Havelock North", "Hawke's Bay", "4130", "06"),
        ("Napier", "Hawke's Bay", "4110", "06"), ("Auckland", "Auckland", "1010", "09"),
        ("Takapuna", "Auckland", "0622", "09"), ("Wellington", "Wellington", "6011", "04"),
        ("Lower Hutt", "Wellington", "5010", "04"), ("Ōtaki", "Wellington", "5512", "06"),
        ("Christchurch", "Canterbury", "8011", "03"), ("Tauranga", "Bay of Plenty", "3110", "07"),
        ("Whakatāne", "Bay of Plenty", "3120", "07"), ("Taupō", "Waikato", "3330", "07"),
        ("Hamilton", "Waikato", "3204", "07"), ("Whangārei", "Northland", "0110", "09"),
        ("Palmerston North", "Manawatū-Whanganui", "4410", "06"), ("Dunedin", "Otago", "9016", "03"),
        ("Queenstown", "Otago", "9300", "03"), ("Nelson", "Nelson", "7010", "03"),
    ];

    public static readonly string[] Streets =
    [
        "Packhouse Road", "Te Mata Road", "Karamū Road", "Queen Street", "Heretaunga Street", "Tōtara Street",
        "Kōwhai Crescent", "Marine Parade", "Cameron Road", "Victoria Avenue", "Riverbank Road", "St Aubyn Street",
        "Kauri Place", "Pōhutukawa Drive", "Harbour View Road", "Mountain Road", "Main Road", "Church Street",
        "O'Rorke Road", "Lambton Quay", "Bridge Street", "Station Road", "Hill Street", "Beach Road",
    ];

    public static readonly string[] BusinessWords =
    [
        "Kōwhai", "Tōtara", "Harbour", "Summit", "Riverbend", "Pōhutukawa", "Kererū", "Coastal", "Southern", "Alpine",
        "Bluegum", "Redwood", "Silverfern", "Tasman", "Ruapehu", "Manuka", "Matai", "Orchard Lane", "Longview",
        "Greenstone", "Northern", "Kaimai", "Te Awa", "Waimea", "Clearwater", "Ironbark", "Stonefield",
    ];

    public static readonly string[] Trades =
    [
        "Orchards", "Builders", "Dental", "Consulting", "Logistics", "Vineyards", "Electrical", "Plumbing", "Café", "Motors",
        "Design", "Engineering", "Farms", "Honey", "Physio", "Landscaping", "Joinery", "Roofing", "Bakery", "Studio",
    ];

    public static readonly string[] SoleTraderTrades =
    [
        "Plumbing", "Electrical", "Carpentry", "Painting & Decorating", "Photography", "Gardening", "Tiling", "Web Design",
    ];

    public static readonly string[] PersonalDomains =
    [
        "xtra.example", "gmail.example", "outlook.example", "icloud.example", "slingshot.example", "orcon.example",
    ];

    public static readonly string[] ExternalContactRoles = ["Bookkeeper", "Lawyer", "Financial Adviser", "Office Manager"];

    public static readonly SandboxBillingType[] BillingTypes =
    [
        new("Standard", 0m, "DayOfMonth", 20),
        new("Monthly Fee", 0m, "WithinDays", 7),
        new("Time and Materials", 10m, "WithinDays", 14),
    ];

    public static readonly (string Title, string Text)[] Notes =
    [
        ("Payment arrangement made", "Spoke to client who will pay the outstanding amounts in the next few days. "),
        ("Engagement letter signed", "Signed engagement letter received and filed."),
        ("Year-end pack received", "Bank statements, fixed asset additions and\nstock take figures received.\nStill waiting on the loan statement."),
        ("Called about GST return", "Client asked why the GST refund is lower than last period."),
        ("Change of address", "Moving at the end of the month; update the postal address then."),
    ];
}
