namespace Portal.Core.Email;

public sealed class SendGridOptions
{
    public const string SectionName = "SendGrid";

    /// <summary>When set, email goes through SendGrid instead of the pickup folder.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Overrides SendGrid's API host (tests point it at a local endpoint).</summary>
    public string? Host { get; set; }
}
