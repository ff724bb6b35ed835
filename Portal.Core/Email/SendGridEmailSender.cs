using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
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
        catch (Exception exception) when (exception is TimeoutRejectedException or BrokenCircuitException)
        {
            // Not retried: the request may have arrived, and a second one would send the email twice.
            logger.LogError(exception, "SendGrid did not answer in time or is failing; the email was not sent again");
            return new EmailSendFailedError("SendGrid did not answer; the email may or may not have been sent.");
        }
    }

    /// <summary>The only failures safe to retry: the connection failed before the request left (DNS, TCP connect, TLS).</summary>
    internal static bool FailedBeforeSending(Exception? exception) =>
        exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
        };
}
