using Portal.Core.Clients;
using Portal.Core.Import.Fetch;

namespace Portal.Import;

/// <summary>Small builders for the matcher and planner tests: a person unless told otherwise.</summary>
internal static class ImportTestData
{
    public static Guid Uuid(int n) => new(n, 0, 0, new byte[8]);

    public static PortalClientSnapshot InPortal(
        int id,
        string name,
        string? email = null,
        string? firstName = null,
        string? lastName = null,
        string? phone = null,
        string? mobile = null,
        DateOnly? dateOfBirth = null,
        Guid? linkedTo = null,
        ClientKind kind = ClientKind.Person) =>
        new(id, linkedTo, kind, name, firstName, lastName, email, phone, mobile, dateOfBirth);

    public static XpmClientSnapshot InXpm(
        Guid uuid,
        string name,
        string? email = null,
        string? firstName = null,
        string? lastName = null,
        string? phone = null,
        string? mobile = null,
        DateOnly? dateOfBirth = null,
        ClientKind kind = ClientKind.Person,
        string? businessStructure = null) =>
        new()
        {
            XpmUuid = uuid,
            Kind = kind,
            Name = name,
            FirstName = firstName,
            LastName = lastName,
            Email = email,
            Phone = phone,
            Mobile = mobile,
            DateOfBirth = dateOfBirth,
            BusinessStructure = businessStructure ?? (kind == ClientKind.Person ? BusinessStructures.Individual : "Company"),
        };
}
