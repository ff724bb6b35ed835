namespace Portal.Core.Email;

internal sealed record EmailSenderIdentity(string Address, string Name);
