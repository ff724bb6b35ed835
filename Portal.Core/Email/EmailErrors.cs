using Portal.Core.Common;

namespace Portal.Core.Email;

public sealed record EmailSendFailedError(string Reason) : Error($"The email could not be sent: {Reason}");
