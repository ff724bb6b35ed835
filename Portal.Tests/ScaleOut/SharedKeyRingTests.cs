using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Xpm.Connection;
using Portal.Infrastructure;

namespace Portal.ScaleOut;

/// <summary>
/// The key ring in the database (<c>DataProtection:Store=Database</c>, PostgreSQL's default): two nodes with no folder in
/// common read each other's protected data, and the certificate still encrypts each key before it is stored.
/// </summary>
public sealed class SharedKeyRingTests
{
    private const string Password = "portal-test";

    [Fact]
    public async Task NodeB_WithTheKeyRingInTheDatabase_ReadsWhatNodeAProtected_AndTheStoredKeyIsEncrypted()
    {
        using var shared = new TempDirectory();
        using var certificate = TestCertificate.Create();
        var pfx = TestCertificate.WritePfx(certificate, shared.Path, Password);
        // The same database for both (on the PostgreSQL pass, the same PostgreSQL database); each node its own content root.
        var database = $"Data Source={Path.Combine(shared.Path, "portal.db")}";
        var folderA = Path.Combine(shared.Path, "keys-a");
        await using var nodeA = Node(database, pfx, folderA);
        await using var nodeB = Node(database, pfx, Path.Combine(shared.Path, "keys-b"));
        nodeA.CreateClient();
        nodeB.CreateClient();

        var stored = nodeA.Services.GetRequiredService<XpmTokenProtector>().Protect("refresh-token-from-xero");
        var read = nodeB.Services.GetRequiredService<XpmTokenProtector>().Unprotect(stored);

        read.ShouldBe("refresh-token-from-xero");
        var keys = await nodeA.WithDbAsync(db => db.Set<DataProtectionKey>().AsNoTracking().ToListAsync());
        keys.ShouldHaveSingleItem().Xml!.ShouldContain("EncryptedXml");
        keys[0].Xml!.ShouldNotContain("<masterKey");
        Directory.Exists(folderA).ShouldBeFalse("the keys belong in the database, not a node's folder");
    }

    private static PortalAppFactory Node(string database, string pfx, string keysPath) => new()
    {
        Settings =
        {
            ["DataProtection:KeysPath"] = keysPath,
            ["ConnectionStrings:Portal"] = database,
            ["DataProtection:Store"] = "Database",
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = Password,
        },
    };
}
