using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Clients;

/// <summary>What staff type into the "New client" form.</summary>
public sealed class NewClient : IValidatableObject
{
    public ClientKind Kind { get; set; } = ClientKind.Person;

    [MaxLength(100)]
    public string? FirstName { get; set; }

    [MaxLength(100)]
    public string? LastName { get; set; }

    /// <summary>An entity's name (a person's is made from first and last name).</summary>
    [MaxLength(300)]
    public string? EntityName { get; set; }

    [MaxLength(100)]
    public string? BusinessStructure { get; set; }

    public DateTime? DateOfBirth { get; set; }

    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [MaxLength(320)]
    public string? Email { get; set; }

    [Phone(ErrorMessage = "Enter a valid phone number.")]
    [MaxLength(50)]
    public string? Phone { get; set; }

    [Phone(ErrorMessage = "Enter a valid mobile number.")]
    [MaxLength(50)]
    public string? Mobile { get; set; }

    [MaxLength(500)]
    public string? Street { get; set; }

    [MaxLength(100)]
    public string? City { get; set; }

    [MaxLength(100)]
    public string? Region { get; set; }

    [MaxLength(20)]
    public string? PostCode { get; set; }

    [MaxLength(100)]
    public string? Country { get; set; }

    /// <summary>The form filled with a client's current details, to edit them.</summary>
    public static NewClient From(ClientDetails client) => new()
    {
        Kind = client.Kind,
        FirstName = client.FirstName,
        LastName = client.LastName,
        EntityName = client.Kind == ClientKind.Entity ? client.Name : null,
        BusinessStructure = client.BusinessStructure,
        DateOfBirth = client.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
        Email = client.Email,
        Phone = client.Phone,
        Mobile = client.Mobile,
        Street = client.PhysicalAddress.Street,
        City = client.PhysicalAddress.City,
        Region = client.PhysicalAddress.Region,
        PostCode = client.PhysicalAddress.PostCode,
        Country = client.PhysicalAddress.Country,
    };

    public string DisplayName => Kind == ClientKind.Person
        ? string.Join(' ', new[] { FirstName?.Trim(), LastName?.Trim() }.Where(p => !string.IsNullOrEmpty(p)))
        : EntityName?.Trim() ?? "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == ClientKind.Person && string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName))
        {
            yield return new ValidationResult("Enter a first or last name.", [nameof(FirstName), nameof(LastName)]);
        }

        if (Kind == ClientKind.Entity && string.IsNullOrWhiteSpace(EntityName))
        {
            yield return new ValidationResult("Enter the entity's name.", [nameof(EntityName)]);
        }

        if (Kind == ClientKind.Entity && string.IsNullOrWhiteSpace(BusinessStructure))
        {
            yield return new ValidationResult("Choose a business structure.", [nameof(BusinessStructure)]);
        }
    }
}
