using Portal.Core.Common;

namespace Portal.Core.Clients;

public sealed record ClientNotFoundError(int ClientId) : Error($"Client {ClientId} was not found.");

public sealed record ClientInvalidError(IReadOnlyList<string> Problems) : Error(string.Join(" ", Problems));
