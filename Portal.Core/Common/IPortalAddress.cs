namespace Portal.Core.Common;

/// <summary>The portal's own base address, for links in emails and for services the app hosts on its own address.</summary>
public interface IPortalAddress
{
    /// <summary>Absolute, ending in a slash, e.g. http://localhost:5228/.</summary>
    Uri BaseUri { get; }
}
