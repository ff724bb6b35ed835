namespace Portal.XpmSandbox;

/// <summary>
/// A rate-limit verdict and the remaining-call headers to send. <see cref="Problem"/> is Xero's
/// <c>X-Rate-Limit-Problem</c>: <c>minute</c> and <c>day</c> are observed; <c>concurrent</c> and <c>appminute</c> are guesses.
/// </summary>
public sealed record SandboxRateDecision(bool Allowed, string? Problem, TimeSpan RetryAfter, int DayRemaining, int MinuteRemaining, int AppMinuteRemaining);
