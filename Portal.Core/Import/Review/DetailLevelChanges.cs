namespace Portal.Core.Import.Review;

/// <summary>
/// For the Clients step's choice of detail level: how many selected clients and entities would have their details
/// changed (created, or fields updated) at each level, planned exactly as the import would plan them.
/// </summary>
public sealed record DetailLevelChanges(DetailLevelChanges.Count Basic, DetailLevelChanges.Count AllContactDetails)
{
    public sealed record Count(int Clients, int Entities);
}
