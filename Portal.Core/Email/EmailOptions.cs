using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Email;

public sealed class EmailOptions
{
    public const string SectionName = "Email";

    [Required, EmailAddress]
    public string From { get; set; } = "portal@practice.example";

    public string FromName { get; set; } = "Portal";

    /// <summary>Where the pickup-folder sender writes .eml files; relative to the app's content root.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "data/mail";
}
