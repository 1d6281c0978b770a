using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;

namespace FlowStudio.Bench;

/// <summary>
/// The server's memory with open editor pages: starts the built FlowStudio web app as its own process (Production
/// environment, temporary database, embedded sandbox), reads a pulses dataset, then opens the destination editor
/// (Sample Payload panel included) in 1 and then <c>pages</c> Chromium tabs, each with its own circuit, and reads the
/// server process's working set after each step has settled.
/// </summary>
internal static class UiMemory
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public static async Task RunAsync(int pages)
    {
        var root = BuiltWebApp.RepositoryRoot();
        var web = BuiltWebApp.Locate(root);

        var data = Directory.CreateTempSubdirectory("flowstudio-bench-ui-").FullName;
        var port = SandboxPeer.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var server = StartServer(web, root, data, address);
        try
        {
            using var api = new HttpClient { BaseAddress = address };
            api.DefaultRequestHeaders.Authorization = new("Bearer", BuiltWebApp.ApiKey);
            await BuiltWebApp.WaitHealthyAsync(api, server);
            var datasetId = await PulsesDatasetAsync(api);
            using var credentials = JsonDocument.Parse(await api.GetStringAsync("/api/credentials"));
            var clari = credentials.RootElement.EnumerateArray()
                .First(c => c.GetProperty("name").GetString() == "Clari Sandbox").GetProperty("id").GetString()!;
            // The Configure step: the destination settings beside the Sample Payload panel.
            var editor = $"/destinations/new?datasetId={Uri.EscapeDataString(datasetId)}&connector=clari&credentialId={Uri.EscapeDataString(clari)}";

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
            var signIn = await context.NewPageAsync();
            await signIn.GotoAsync("/account/sign-in");
            await signIn.GetByLabel("Email").FillAsync(BuiltWebApp.Email);
            await signIn.GetByLabel("Password").FillAsync(BuiltWebApp.Password);
            await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await signIn.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
            await signIn.CloseAsync();

            var idle = await SettledWorkingSetAsync(server);
            await OpenEditorAsync(context, editor);
            var one = await SettledWorkingSetAsync(server);
            for (var i = 1; i < pages; i++)
            {
                await OpenEditorAsync(context, editor);
            }

            var many = await SettledWorkingSetAsync(server);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server working set: signed in, no page {Mb(idle)} MB; 1 editor page {Mb(one)} MB; {pages} editor pages {Mb(many)} MB " +
                $"({Mb((many - one) / Math.Max(1, pages - 1))} MB per further page)"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task OpenEditorAsync(IBrowserContext context, string editor)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(editor);
        await page.Locator("[data-interactive='true']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        try
        {
            await page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" }).WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var shot = Path.Combine(Path.GetTempPath(), "flowstudio-bench-ui.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            Console.Error.WriteLine($"The editor did not show its Sample Payload panel; the page is in {shot}.");
            throw;
        }
    }

    private static Process StartServer(string web, string root, string data, Uri address)
    {
        var start = new ProcessStartInfo("dotnet", [web])
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["AllowedHosts"] = "*";
        start.Environment["ConnectionStrings__FlowStudio"] = $"Data Source={Path.Combine(data, "flowstudio.db")}";
        start.Environment["Templates__Directory"] = Path.Combine(root, "templates");
        start.Environment["Auth__Bootstrap__Email"] = BuiltWebApp.Email;
        start.Environment["Auth__Bootstrap__Password"] = BuiltWebApp.Password;
        start.Environment["Auth__Bootstrap__ApiKey"] = BuiltWebApp.ApiKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("server: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }


    private static async Task<string> PulsesDatasetAsync(HttpClient api)
    {
        using var credentials = JsonDocument.Parse(await api.GetStringAsync("/api/credentials"));
        var credentialId = credentials.RootElement.EnumerateArray()
            .First(c => c.GetProperty("name").GetString() == "ClientSuccess Sandbox").GetProperty("id").GetString();
        var created = await api.PostAsJsonAsync("/api/sources", new { name = "Bench pulses", credentialId, templateId = "clientsuccess.search-pulses" });
        created.EnsureSuccessStatusCode();
        using var source = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var sourceId = source.RootElement.GetProperty("id").GetString();
        var started = await api.PostAsync($"/api/sources/{sourceId}/run", null);
        started.EnsureSuccessStatusCode();
        using var run = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        var runId = run.RootElement.GetProperty("runId").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var state = JsonDocument.Parse(await api.GetStringAsync($"/api/runs/{runId}"));
            if (state.RootElement.GetProperty("status").GetString() != "running")
            {
                break;
            }

            await Task.Delay(200);
        }

        return source.RootElement.GetProperty("datasetId").GetString()!;
    }

    /// <summary>The process's resident set once it has stopped growing (sampled every second, at most 20 s).</summary>
    private static async Task<long> SettledWorkingSetAsync(Process server)
    {
        var last = -1L;
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(1000);
            server.Refresh();
            var now = server.WorkingSet64;
            if (last > 0 && Math.Abs(now - last) < 512 * 1024)
            {
                return now;
            }

            last = now;
        }

        return last;
    }


    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
