namespace Portal.Core.Email;

/// <summary>A sent email; <see cref="Id"/> is the pickup file name or the provider's message id.</summary>
public sealed record EmailSent(string? Id);
