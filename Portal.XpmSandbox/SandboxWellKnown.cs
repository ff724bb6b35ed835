namespace Portal.XpmSandbox;

/// <summary>
/// Records every generated primary practice has, whatever the seed: tests and demos may rely on them.
/// The UUIDs are those of the examples in the XPM API reference the portal was written against.
/// </summary>
public static class SandboxWellKnown
{
    public static readonly Guid AnaWhitfield = Guid.Parse("43fdc385-d166-48e8-8919-370f806797ee");
    public const string AnaWhitfieldName = "Ana Whitfield";
    public const string AnaWhitfieldEmail = "ana@kowhairidge.example";

    /// <summary>Ana's contact record (distinct from her client record), linked to Kowhai Ridge as primary contact.</summary>
    public static readonly Guid AnaWhitfieldContact = Guid.Parse("594d8ce0-17dc-4af3-9b80-e0f5aa780f60");

    public static readonly Guid KowhaiRidgeOrchards = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb");
    public const string KowhaiRidgeOrchardsName = "Kowhai Ridge Orchards Ltd";

    /// <summary>Kowhai Ridge → Ana Whitfield, Director.</summary>
    public static readonly Guid AnaDirectorOfKowhai = Guid.Parse("0b7a1a5e-3f2d-4c61-9e0a-5d1c2b3a4f60");

    /// <summary>Kowhai Ridge → Ana Whitfield, Shareholder of 500 shares from 2019-04-01.</summary>
    public static readonly Guid AnaShareholderOfKowhai = Guid.Parse("6958dcee-ae8d-4fe0-9de7-db769e450f92");

    public static readonly Guid WhitfieldFamilyGroup = Guid.Parse("5ca908bb-36d5-4b41-bb29-a5fe9b454272");
    public const string WhitfieldFamilyGroupName = "Whitfield Family";

    /// <summary>First staff member: Ana's and Kowhai Ridge's account manager.</summary>
    public static readonly Guid MereTautahi = Guid.Parse("42910477-1971-4afa-b421-b97a6c531aab");
    public const string MereTautahiName = "Mere Tautahi";

    /// <summary>Second staff member: Ana's and Kowhai Ridge's job manager.</summary>
    public static readonly Guid SioneFifita = Guid.Parse("7d3e5a2c-4b1f-4c8e-9a6d-2f1b3c4d5e6f");
    public const string SioneFifitaName = "Sione Fifita";

    public const string SmithAndJonesPartnership = "Smith & Jones Partnership";
    public const string SiobhanONeill = "Siobhan O'Neill";
    public const string ChloeDubois = "Chloé Dubois";
    public const string WiremuNgatai = "Wiremu Ngātai";
    public const string ArohaNgatai = "Aroha Ngātai";

    /// <summary>The household email Wiremu and Aroha Ngātai share.</summary>
    public const string NgataiHouseholdEmail = "ngatai.whanau@xtra.example";

    public const string TuhoeValleyHoney = "Tūhoe Valley Honey Ltd";

    /// <summary>A bookkeeper contact linked to both Kowhai Ridge and Tūhoe Valley Honey.</summary>
    public const string SharedBookkeeperContact = "Pita Rāwiri";

    /// <summary>A person whose <c>Email</c> element is left out, and one whose element is empty.</summary>
    public const string LiamONeill = "Liam O'Neill";
    public const string DavidJones = "David Jones";

    public const string ArchivedClient = "Old Mill Café Ltd";
    public const string DeletedClient = "Riverside Motors Ltd";
    public const string ProspectClient = "Bright Spark Electrical Ltd";
}
