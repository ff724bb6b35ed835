using Portal.Core.Common;

namespace Portal.Core.Email;

/// <summary>Sends email. A failure is a result to log and show, never an exception that stops the caller's work.</summary>
public interface IEmailSender
{
    Task<Result<EmailSent>> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
