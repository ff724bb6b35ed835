namespace Portal.XpmSandbox;

/// <summary>A request XPM would refuse with <c>Status ERROR</c>; <see cref="SpecStatus"/> is the SPEC's HTTP code for it.</summary>
internal sealed class SandboxRequestException(string message, int specStatus = 400) : Exception(message)
{
    public int SpecStatus { get; } = specStatus;
}
