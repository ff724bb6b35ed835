namespace Portal.XpmSandbox;

/// <summary>A client group (e.g. a family). Members are the clients whose <see cref="SandboxClient.Groups"/> hold its UUID.</summary>
public sealed record SandboxGroup(Guid Uuid, string Name, bool Taxable);
