namespace Portal.Web.Sandbox;

/// <summary>
/// Whether this run serves the embedded sandbox, and its practice when it does: the menu and the Sandbox page
/// ask this rather than the container.
/// </summary>
public sealed record SandboxAvailability(bool Enabled, SandboxPractice? Practice = null);
