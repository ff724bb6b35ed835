using System.Security.Cryptography;
using System.Text;

namespace Portal.XpmSandbox;

/// <summary>PKCE with S256 only: verifier 43–128 chars of <c>A-Z a-z 0-9 - . _ ~</c>.</summary>
internal static class SandboxPkce
{
    public static bool IsValidChallenge(string challenge) => challenge.Length is >= 43 and <= 128 && challenge.All(IsUnreserved);

    public static bool Verify(string? verifier, string challenge)
    {
        if (verifier is null || verifier.Length is < 43 or > 128 || !verifier.All(IsUnreserved))
        {
            return false;
        }

        var computed = SandboxIdentity.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
