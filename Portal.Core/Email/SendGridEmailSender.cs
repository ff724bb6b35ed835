using Microsoft.Extensions.Logging;
using Portal.Core.Common;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Portal.Core.Email;

internal sealed class SendGridEmailSender(ISendGridClient client, EmailSenderIdentity from, ILogger<SendGridEmailSender> logger) : IEmailSender
{
    public async Task<Result<EmailSent>> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(from.Address, from.Name),
            new EmailAddress(message.To, message.ToName),
            message.Subject,
            message.TextBody,
            message.HtmlBody);
        try
        {
            var response = await client.SendEmailAsync(mail, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                response.Headers.TryGetValues("X-Message-Id", out var ids);
                return new EmailSent(ids?.FirstOrDefault());
            }

            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            logger.LogWarning("SendGrid refused an email: {StatusCode} {Body}", (int)response.StatusCode, body);
            return new EmailSendFailedError($"SendGrid answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException exception)
        {
            logger.LogError(exception, "SendGrid could not be reached");
            return new EmailSendFailedError("SendGrid could not be reached.");
        }
    }
}
