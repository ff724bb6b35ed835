using Portal.Core.Common;

namespace Portal.Core.LinkedClients;

public sealed record NotLinkedError(int ClientId) : Error("This client is not linked to Xero Practice Manager.");

public sealed record AlreadyLinkedError(int ClientId) : Error("This client is already linked to Xero Practice Manager. Unlink it first.");

public sealed record XpmRecordTakenError(Guid XpmUuid, string ClientName)
    : Error($"That Xero Practice Manager client is already linked to {ClientName}. Unlink it there first.");

public sealed record LinkReasonRequiredError() : Error("Say why this is the same client: the reason is kept with the link.");

public sealed record ManagersOnlyError() : Error("Only managers can review linked clients.");
