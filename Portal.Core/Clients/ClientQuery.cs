namespace Portal.Core.Clients;

public sealed record ClientQuery(string? Search = null, ClientKind? Kind = null, int Page = 0, int PageSize = 25);
