namespace Portal.XpmSandbox;

/// <summary>A client note; <see cref="Date"/> is UTC.</summary>
public sealed record SandboxNote(string Title, string Text, string Folder, DateTime Date, string CreatedBy);
