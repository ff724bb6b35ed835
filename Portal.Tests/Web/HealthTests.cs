using System.Net;
using Microsoft.Data.Sqlite;
using Portal.Infrastructure;

namespace Portal.Web;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_WhenDatabaseAnswers_IsHealthy()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Healthz_WhenDatabaseIsGone_IsUnhealthy()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();
        await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();
        Directory.Delete(app.DataDirectory, recursive: true);

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
