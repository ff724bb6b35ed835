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

    /// <summary>
    /// The caller's access token expires now, as if its 30 minutes had just run out: 401 <c>TokenExpired</c>, as Xero
    /// answers. A refresh gives a new token that works.
    /// </summary>
    TokenExpired,

    /// <summary>
    /// The practice revokes the app's access now (the grant behind the caller's token, its refresh token and the
    /// connections it made): 401 <c>AuthenticationUnsuccessful</c> for this call and every later one with that grant.
    /// </summary>
    AccessRevoked,

    /// <summary>The call is answered only after <see cref="SandboxFaults.SlowReplyDelay"/> (unless the caller gives up first).</summary>
    SlowReply,

    /// <summary>HTTP 200 <c>text/xml</c> that starts with a DTD declaring nothing harmful (<c>&lt;!DOCTYPE Response [&lt;!ELEMENT Response ANY&gt;]&gt;</c>).</summary>
    Dtd,

    /// <summary>HTTP 200 <c>text/xml</c> whose DTD declares an external entity (<c>SYSTEM "file:///etc/passwd"</c>) used in a client's name.</summary>
    ExternalEntity,

    /// <summary>HTTP 200 <c>text/xml</c> whose DTD nests entities ten deep ("billion laughs"), used in a client's name.</summary>
    EntityExpansion,

    /// <summary>HTTP 200 <c>text/xml</c>, a well-formed list whose first item nests <see cref="SandboxHostileXml.NestingDepth"/> elements deep.</summary>
    DeepNesting,
}
