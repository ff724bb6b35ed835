using MimeKit;

namespace Portal.Core.Email;

/// <summary>The pickup folder: written by <see cref="PickupFolderEmailSender"/>, read by the Outbox page.</summary>
public sealed class EmailOutbox(string directory, TimeProvider time)
{
    public string Directory { get; } = directory;

    internal async Task<string> WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var now = time.GetUtcNow();
        message.Date = now;
        // Sortable by time, unique, and safe as a file name and a URL segment.
        var id = $"{now:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var path = Path.Combine(Directory, id + ".eml");
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        // A reader never sees a half-written file.
        File.Move(temp, path);
        return id;
    }

    public async Task<IReadOnlyList<OutboxEmail>> ListAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var files = System.IO.Directory.EnumerateFiles(Directory, "*.eml")
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .Take(take);
        var emails = new List<OutboxEmail>();
        foreach (var file in files)
        {
            emails.Add(await ReadAsync(file, cancellationToken));
        }

        return emails;
    }

    public async Task<OutboxEmail?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (id.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            return null;
        }

        var path = Path.Combine(Directory, id + ".eml");
        return File.Exists(path) ? await ReadAsync(path, cancellationToken) : null;
    }

    private static async Task<OutboxEmail> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var message = await MimeMessage.LoadAsync(path, cancellationToken);
        return new OutboxEmail(
            Path.GetFileNameWithoutExtension(path),
            message.Date,
            message.To.ToString(),
            message.Subject ?? "",
            message.TextBody,
            message.HtmlBody);
    }
}
