namespace Portal.Web.Sandbox;

/// <summary>Whether this run serves the embedded sandbox: the menu and the Sandbox page ask this, not the container.</summary>
public sealed record SandboxAvailability(bool Enabled);
