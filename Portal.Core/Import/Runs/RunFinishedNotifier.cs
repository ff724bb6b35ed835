using System.Net;
using Microsoft.Extensions.Logging;
using Portal.Core.Email;

namespace Portal.Core.Import.Runs;

/// <summary>Emails the person who started a run when it finishes. A failed send is logged, never fails the run.</summary>
public sealed class RunFinishedNotifier(IEmailSender email, ILogger<RunFinishedNotifier> logger)
{
    public async Task RunFinishedAsync(ImportRun run, string subject, string message, string linkText, string link)
    {
        if (string.IsNullOrEmpty(run.StartedByEmail))
        {
            return;
        }

        var sent = await email.SendAsync(new EmailMessage(
            run.StartedByEmail,
            subject,
            $"Hello {run.StartedBy},\n\n{message}\n\n{linkText}: {link}\n",
            $"<p>Hello {WebUtility.HtmlEncode(run.StartedBy)},</p><p>{WebUtility.HtmlEncode(message)}</p><p><a href=\"{link}\">{WebUtility.HtmlEncode(linkText)}</a></p>",
            run.StartedBy));
        if (!sent.Succeeded)
        {
            logger.LogWarning("Run {RunId} finished but its email was not sent: {Error}", run.Id, sent.Error!.Message);
        }
    }
}
