using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Clients;

/// <summary>
/// What staff type into the "New client" form. Every message names the field as the form labels it, so the form and
/// <see cref="ClientService.CreateAsync"/> (which validates again: a circuit can be driven without the form) say the same.
/// </summary>
public sealed class NewClient : IValidatableObject
{
    private const string TooLong = "{0} can be at most {1} characters.";

    public ClientKind Kind { get; set; } = ClientKind.Person;

    [Display(Name = "First name")]
    [MaxLength(100, ErrorMessage = TooLong)]
    public string? FirstName { get; set; }

    [Display(Name = "Last name")]
    [MaxLength(100, ErrorMessage = TooLong)]
    public string? LastName { get; set; }

    /// <summary>An entity's name (a person's is made from first and last name).</summary>
    [Display(Name = "Entity name")]
    [MaxLength(300, ErrorMessage = TooLong)]
    public string? EntityName { get; set; }

    [Display(Name = "Business structure")]
    [MaxLength(100, ErrorMessage = TooLong)]
    public string? BusinessStructure { get; set; }

    public DateTime? DateOfBirth { get; set; }

    // EmailAddressAttribute alone accepts "ana @example" (only one @ is checked); sign-in matches clients by email.
    [Display(Name = "Email")]
    [RegularExpression(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", ErrorMessage = "Enter a valid email address, like name@example.com.")]
    [MaxLength(320, ErrorMessage = TooLong)]
    public string? Email { get; set; }

    [Display(Name = "Phone")]
    [Phone(ErrorMessage = "Enter a valid phone number (digits, spaces, + - ( ) only).")]
    [MaxLength(50, ErrorMessage = TooLong)]
    public string? Phone { get; set; }

    [Display(Name = "Mobile")]
    [Phone(ErrorMessage = "Enter a valid mobile number (digits, spaces, + - ( ) only).")]
    [MaxLength(50, ErrorMessage = TooLong)]
    public string? Mobile { get; set; }

    [Display(Name = "Street address")]
    [MaxLength(500, ErrorMessage = TooLong)]
    public string? Street { get; set; }

    [Display(Name = "City")]
    [MaxLength(100, ErrorMessage = TooLong)]
    public string? City { get; set; }

    [Display(Name = "Region")]
    [MaxLength(100, ErrorMessage = TooLong)]
    public string? Region { get; set; }

    [Display(Name = "Post code")]
    [MaxLength(20, ErrorMessage = TooLong)]
    public string? PostCode { get; set; }

    [Display(Name = "Country")]
    [MaxLength(100, ErrorMessage = TooLong)]
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
        else if (Kind == ClientKind.Entity && !BusinessStructures.Entities.Contains(BusinessStructure!.Trim()))
        {
            yield return new ValidationResult("Choose a business structure from the list.", [nameof(BusinessStructure)]);
        }

        var time = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        if (Kind == ClientKind.Person && DateOfBirth is { } born && born.Date > time.GetUtcNow().UtcDateTime.Date)
        {
            yield return new ValidationResult("Date of birth cannot be in the future.", [nameof(DateOfBirth)]);
        }

        // Control characters (NUL, escape sequences, bidi overrides hidden in a name) have no place in contact details;
        // the street address may span lines.
        foreach (var (field, label, value) in TextFields())
        {
            if (value is not null && value.Any(c => (char.IsControl(c) && !(field == nameof(Street) && c is '\r' or '\n')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'))
            {
                yield return new ValidationResult($"{label} contains characters that are not allowed.", [field]);
            }
        }
    }

    private IEnumerable<(string Field, string Label, string? Value)> TextFields() =>
    [
        (nameof(FirstName), "First name", FirstName), (nameof(LastName), "Last name", LastName), (nameof(EntityName), "Entity name", EntityName),
        (nameof(Email), "Email", Email), (nameof(Phone), "Phone", Phone), (nameof(Mobile), "Mobile", Mobile), (nameof(Street), "Street address", Street),
        (nameof(City), "City", City), (nameof(Region), "Region", Region), (nameof(PostCode), "Post code", PostCode), (nameof(Country), "Country", Country),
    ];
}
