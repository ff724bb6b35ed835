using System.Diagnostics;
using System.Net;
using System.Xml;

namespace Portal.XpmSandbox;

public sealed class SandboxLargePracticeTests
{
    [Fact]
    public async Task DetailedList_OfFiftyThousandClients_StreamsEveryClient()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:Clients"] = "50000" } };
        var session = await app.ConnectAsync();
        var stopwatch = Stopwatch.StartNew();

        using var response = await app.CreateSandboxClient().SendAsync(
            SandboxHost.ApiRequest(HttpMethod.Get, "client.api/list?detailed=true", session), HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.ShouldBeNull();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(body, new XmlReaderSettings { Async = true });
        var clients = 0;
        while (await reader.ReadAsync())
        {
            if (reader is { NodeType: XmlNodeType.Element, Depth: 2, Name: "Client" })
            {
                clients++;
            }
        }

        clients.ShouldBe(50_000);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1));
    }
}
