using System.ComponentModel.DataAnnotations;

namespace Portal.XpmSandbox;

/// <summary>The fields the Sandbox page lets a user change "in XPM", mapped onto a <see cref="SandboxClient"/>.</summary>
public sealed class SandboxClientEdit
{
    [Required(ErrorMessage = "Enter a name.")]
    public string Name { get; set; } = "";

    public string? FirstName { get; set; }
    public string? LastName { get; set; }

    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string? Email { get; set; }

    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? PostCode { get; set; }

    [Required]
    public string BusinessStructure { get; set; } = SandboxBusinessStructures.Individual;

    public static SandboxClientEdit From(SandboxClient client) => new()
    {
        Name = client.Name,
        FirstName = client.FirstName,
        LastName = client.LastName,
        Email = client.Email,
        Phone = client.Phone,
        Address = client.Address,
        City = client.City,
        PostCode = client.PostCode,
        BusinessStructure = client.BusinessStructure ?? SandboxBusinessStructures.Individual,
    };

    public SandboxClient ApplyTo(SandboxClient client)
    {
        var individual = BusinessStructure == SandboxBusinessStructures.Individual;
        return client with
        {
            Name = Name.Trim(),
            FirstName = individual ? Blank(FirstName) : null,
            LastName = individual ? Blank(LastName) : null,
            Email = Blank(Email),
            Phone = Phone?.Trim() ?? "",
            Address = Address?.Trim() ?? "",
            City = City?.Trim() ?? "",
            PostCode = PostCode?.Trim() ?? "",
            BusinessStructure = BusinessStructure,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
