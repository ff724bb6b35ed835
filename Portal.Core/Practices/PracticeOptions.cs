using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Practices;

public sealed class PracticeOptions
{
    public const string SectionName = "Practice";

    /// <summary>The name given to the practice the first time the database is created.</summary>
    [Required]
    public string Name { get; set; } = "Harbourside Accounting";
}
