namespace Portal.Web.Configuration;

/// <summary>Where Data Protection keeps its key ring (<c>DataProtection:Store</c>).</summary>
public enum KeyRingStore
{
    FileSystem,
    Database,
}
