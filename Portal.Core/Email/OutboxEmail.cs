namespace Portal.Core.Email;

/// <summary>An email in the local outbox.</summary>
public sealed record OutboxEmail(string Id, DateTimeOffset Date, string To, string Subject, string? TextBody, string? HtmlBody);
