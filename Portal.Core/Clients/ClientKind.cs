namespace Portal.Core.Clients;

/// <summary>
/// XPM calls people and legal entities both "clients" and tells them apart by BusinessStructure;
/// the portal keeps the distinction explicit.
/// </summary>
public enum ClientKind
{
    Person,
    Entity,
}
