namespace Portal.Core.Xpm.Connection;

/// <summary>The end of the OAuth callback: connected, or a choice of practices to make.</summary>
public sealed record XpmConnectOutcome(bool Connected, string? State, IReadOnlyList<XeroTenant> PracticesToChooseFrom)
{
    public static XpmConnectOutcome Done { get; } = new(true, null, []);

    public static XpmConnectOutcome Choose(string state, IReadOnlyList<XeroTenant> tenants) => new(false, state, tenants);
}
