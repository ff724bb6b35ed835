using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Portal.XpmSandbox;

/// <summary>
/// Opaque, tamper-evident base64url page tokens: where the next page starts, bound to the tenant and the list
/// (clients or contacts). Positions stay valid because the sandbox only ever appends to its lists.
/// </summary>
internal static class SandboxPageToken
{
    public const byte Clients = (byte)'c';
    public const byte Contacts = (byte)'k';

    public static string Create(Guid tenantId, byte list, int start)
    {
        Span<byte> token = stackalloc byte[6 + 32];
        token[0] = 1;
        token[1] = list;
        BinaryPrimitives.WriteInt32LittleEndian(token[2..6], start);
        HMACSHA256.HashData(Key(tenantId), token[..6], token[6..]);
        return SandboxIdentity.Base64Url(token);
    }

    /// <summary>The start position, or null for a token this tenant and list never issued.</summary>
    public static int? Read(Guid tenantId, byte list, string token)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + ((4 - (token.Length % 4)) % 4), '='));
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != 38 || bytes[0] != 1 || bytes[1] != list)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Key(tenantId), bytes.AsSpan(0, 6), expected);
        return CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(6))
            ? BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(2, 4))
            : null;
    }

    private static byte[] Key(Guid tenantId) => SHA256.HashData(tenantId.ToByteArray());
}
