using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure;
using Portal.Web.Xpm;

namespace Portal.Web.Configuration;

public sealed class DataProtectionExtensionsTests
{
    [Fact]
    public void AddPortalDataProtection_KeepsKeysUnderDataKeysOfTheContentRoot()
    {
        using var root = new TempDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root.Path });
        builder.AddPortalDataProtection();
        using var provider = builder.Services.BuildServiceProvider();

        provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("secret");

        Directory.GetFiles(Path.Combine(root.Path, "data", "keys"), "key-*.xml").ShouldNotBeEmpty();
    }

    [Fact]
    public void AddPortalXpm_LeavesDataProtectionToTheHost()
    {
        using var root = new TempDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root.Path });

        builder.AddPortalXpm();

        builder.Services.ShouldNotContain(d => d.ServiceType == typeof(IDataProtectionProvider));
    }
}
