using Microsoft.Extensions.Logging;
using MimeKit;
using Portal.Core.Common;

namespace Portal.Core.Email;

/// <summary>The offline default: each email becomes an .eml file, readable in the Outbox page or any mail client.</summary>
internal sealed class PickupFolderEmailSender(EmailOutbox outbox, EmailSenderIdentity from, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task<Result<EmailSent>> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            var mime = new MimeMessage { Subject = message.Subject };
            mime.From.Add(new MailboxAddress(from.Name, from.Address));
            mime.To.Add(new MailboxAddress(message.ToName ?? message.To, message.To));
            var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
            mime.Body = body.ToMessageBody();
            var id = await outbox.WriteAsync(mime, cancellationToken);
            logger.LogInformation("Email {EmailId} written to the pickup folder", id);
            return new EmailSent(id);
        }
        catch (IOException exception)
        {
            logger.LogError(exception, "Could not write an email to the pickup folder");
            return new EmailSendFailedError(exception.Message);
        }
    }
}
