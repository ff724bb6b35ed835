namespace Portal.Core.Xpm.Connection;

/// <summary>The connection is forgotten; <paramref name="RevocationSkipped"/> says why Xero was not told, when it was not.</summary>
public sealed record XpmDisconnected(string? RevocationSkipped)
{
    public bool Revoked => RevocationSkipped is null;
}
