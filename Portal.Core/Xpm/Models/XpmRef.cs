namespace Portal.Core.Xpm.Models;

/// <summary>A link to another XPM record as XPM embeds it: <c>&lt;UUID/&gt;</c> plus the name at the time of the reply.</summary>
public sealed record XpmRef(Guid Uuid, string Name);
