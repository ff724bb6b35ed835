using Microsoft.Extensions.Options;

namespace Portal.XpmSandbox;

/// <summary>
/// The practices the sandbox serves, by tenant id: the primary one (also registered as <see cref="SandboxPractice"/>)
/// and, with <see cref="XpmSandboxOptions.SecondPractice"/>, a smaller second one with different data.
/// Tenant ids derive from the seed, so they are stable across restarts.
/// </summary>
public sealed class SandboxTenants
{
    public SandboxTenants(IOptions<XpmSandboxOptions> options, TimeProvider time)
    {
        var o = options.Value;
        Primary = new SandboxPractice(TenantId(o.Seed, 1), o.PracticeName,
            () => SandboxPracticeGenerator.Generate(o.Seed, o.Clients, o.Staff), time, o.ContactChangesTouchClients);
        List<SandboxPractice> all = [Primary];
        if (o.SecondPractice)
        {
            all.Add(new SandboxPractice(TenantId(o.Seed, 2), o.SecondPracticeName,
                () => SandboxPracticeGenerator.Generate(o.Seed + 1, o.SecondPracticeClients, Math.Max(1, o.Staff / 3), wellKnown: false, firstInternalId: 5_100_001),
                time, o.ContactChangesTouchClients));
        }

        All = all;
    }

    public SandboxPractice Primary { get; }

    public IReadOnlyList<SandboxPractice> All { get; }

    public SandboxPractice? Find(Guid tenantId) => All.FirstOrDefault(p => p.TenantId == tenantId);

    private static Guid TenantId(int seed, int number)
    {
        Span<byte> bytes = stackalloc byte[16];
        new Random(unchecked((seed * 7919) + number)).NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
