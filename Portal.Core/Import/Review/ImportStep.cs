namespace Portal.Core.Import.Review;

/// <summary>The review stepper's steps, in order.</summary>
public enum ImportStep
{
    Staff = 0,
    Clients = 1,
    Entities = 2,
    Confirm = 3,
}
