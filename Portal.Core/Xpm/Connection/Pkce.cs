using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Core.Xpm.Connection;

/// <summary>RFC 7636: a random verifier and its S256 challenge; and a random OAuth state.</summary>
public static class Pkce
{
    public static string NewVerifier() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(48));

    public static string ChallengeFor(string verifier) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static string NewState() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
}
