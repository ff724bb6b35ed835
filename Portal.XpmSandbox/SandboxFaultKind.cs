namespace Portal.XpmSandbox;

public enum SandboxFaultKind
{
    /// <summary>429, empty body, <c>Retry-After</c> = <see cref="SandboxFaults.RetryAfter"/>, <c>X-Rate-Limit-Problem: minute</c>.</summary>
    TooManyRequests,

    /// <summary>500 with a gateway-style JSON body (the real shape is unconfirmed).</summary>
    InternalServerError,

    /// <summary>503 with <c>{"Title":"Unavailable","Detail":"ServiceNotAvailable",…}</c>.</summary>
    ServiceUnavailable,

    /// <summary>200 <c>text/xml</c> whose body is not well-formed (an unquoted attribute and a stray <c>&amp;</c> after <c>&lt;Status&gt;</c>).</summary>
    MalformedXml,

    /// <summary>200 <c>text/xml</c> cut off mid-document (half the body, or the first 256 KB of a large one).</summary>
    TruncatedXml,

    /// <summary>HTTP 200 <c>&lt;Status&gt;ERROR&lt;/Status&gt;&lt;ErrorDescription&gt;</c> with <see cref="SandboxFaults.ErrorDescription"/>.</summary>
    ErrorReply,
}
