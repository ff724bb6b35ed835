namespace Portal.Core.LinkedClients;

/// <summary>An XPM client from the last fetch that no portal client is linked to: a choice for "Link by hand".</summary>
public sealed record StagedXpmClient(Guid XpmUuid, string Name, string? Email);
