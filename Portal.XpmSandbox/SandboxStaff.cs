namespace Portal.XpmSandbox;

/// <summary>An XPM staff member. Blank strings are written as empty elements.</summary>
public sealed record SandboxStaff(Guid Uuid, string Name, string Email, string Phone, string Mobile, string Address, string PayrollCode);
