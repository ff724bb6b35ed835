using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Infrastructure;

/// <summary>
/// The built Portal.Web.dll run by <c>dotnet</c> as a child process, as it would be deployed: its own content root
/// (<see cref="DataDirectory"/>: SQLite file, Data Protection keys, mail), a free loopback port, settings passed as
/// environment variables. No test services and no test sign-in: it is reached over HTTP like any browser would.
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PortalProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public Uri BaseUri { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the app wrote, for a failing test's message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Demo sign-in as staff (with the form's antiforgery token), then Connect → the sandbox's consent → the callback, as a browser.</summary>
    public async Task SignInAndConnectAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseUri };
        var page = await http.GetStringAsync("/signin");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var signIn = await http.PostAsync("/account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = "staff",
            ["__RequestVerificationToken"] = token,
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var next = new Uri(BaseUri, "/configure/integrations/xpm/connect");
        for (var hop = 0; hop < 3; hop++)
        {
            var response = await http.GetAsync(next);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"at {next}");
            next = new Uri(next, response.Headers.Location!);
        }

        next.AbsolutePath.ShouldBe("/configure/integrations/xpm");
        QueryHelpers.ParseQuery(next.Query)["connected"].ToString().ShouldBe("true", next.ToString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Starts the app with <paramref name="dataDirectory"/> as its content root and waits until /healthz answers.</summary>
    public static async Task<PortalProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var baseUri = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost(), [WebDll(), "--urls", baseUri.ToString().TrimEnd('/')])
        {
            WorkingDirectory = dataDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES", "DOTNET_STARTUP_HOOKS" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var portal = new PortalProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), baseUri);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        try
        {
            await portal.WaitUntilHealthyAsync(timeout ?? TimeSpan.FromMinutes(2));
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    /// <summary>Kills the app and every process it started, at once (SIGKILL): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>Portal.Web.dll from Portal.Web's own output folder, built in the configuration the tests were built in.</summary>
    public static string WebDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Portal.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test output"),
            "Portal.Web", "bin", configuration, framework, "Portal.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first ({configuration}): {dll} is missing.", dll);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Portal.Web exited with code {_process.ExitCode} while starting:{Environment.NewLine}{Output}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the attempt's timeout.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Portal.Web did not become healthy within {timeout}:{Environment.NewLine}{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH), else the one beside the runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } self && DotnetName().IsMatch(Path.GetFileName(self)))
        {
            return self;
        }

        // …/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → …/dotnet
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var beside = Path.Combine(runtime.Parent!.Parent!.Parent!.FullName, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(beside) ? beside : "dotnet";
    }

    [GeneratedRegex("^dotnet(\\.exe)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DotnetName();
}
