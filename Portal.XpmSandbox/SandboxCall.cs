namespace Portal.XpmSandbox;

/// <summary>What the gateway filter learnt about an API call, for its handler and reply: the practice and any XML fault.</summary>
internal sealed class SandboxCall(SandboxPractice practice, SandboxFaultKind? fault, string errorDescription, XpmSandboxOptions options)
{
    public SandboxPractice Practice { get; } = practice;

    public SandboxFaultKind? Fault { get; } = fault;

    public string ErrorDescription { get; } = errorDescription;

    public XpmSandboxOptions Options { get; } = options;

    public static SandboxCall From(HttpContext http) =>
        http.Features.Get<SandboxCall>() ?? throw new InvalidOperationException("The XPM sandbox gateway filter did not run for this endpoint.");
}
