using Portal.Core.Common;

namespace Portal.Core.Identity;

public sealed record NoClientWithEmailError(string Email)
    : Error($"No client of the practice has the email {Email}. Ask the practice to add it to your details.");

public sealed record ClientEmailRequiredError() : Error("Enter the email address the practice has for you.");

public sealed record ClientEmailInvalidError() : Error("That is not a valid email address: enter one like name@example.com.");

public sealed record SharedClientEmailError(string Email)
    : Error($"More than one client uses the email {Email}, so it cannot tell who you are. Ask the practice to give you an email of your own.");

public sealed record NoDemoUserError(string Role) : Error($"There is no demo {Role} user in this practice.");

public sealed record UnknownRoleError() : Error("Your account has no portal role (Staff, Manager or Client). Ask the practice for access.");

public sealed record TenantNotAllowedError() : Error("Your organisation's Microsoft account cannot sign in to this portal. Ask the practice for access.");

public sealed record NoVerifiedEmailError()
    : Error("Microsoft did not send a verified email address for your account, so the portal cannot tell which client you are. Ask the practice for help.");
