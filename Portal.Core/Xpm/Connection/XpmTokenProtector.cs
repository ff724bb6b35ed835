using Microsoft.AspNetCore.DataProtection;

namespace Portal.Core.Xpm.Connection;

/// <summary>Encrypts tokens at rest with ASP.NET Core Data Protection (keys persisted under data/).</summary>
public sealed class XpmTokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Portal.Xpm.Tokens.v1");

    public string Protect(string value) => _protector.Protect(value);

    public string Unprotect(string value) => _protector.Unprotect(value);
}
