using FlowStudio.Web.Tests.Support;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlowStudio.Bench;

/// <summary>
/// One large delivery shared by workers: on a throwaway PostgreSQL, a web instance and 1, then <c>--workers</c> N, worker
/// processes (the built app, <c>--role worker</c>) deliver the same <c>--records</c> dataset to the sandbox (a process of
/// its own, answering <c>--latency-ms</c> later). The run splits into 8 slices; each worker executes
/// <c>Engine:DeliverySlicesPerInstance</c> (4) at once. Prints records/s for each and the speed-up. Each measured delivery
/// follows warm-up deliveries until the processes' JIT is done optimising, and the CPU each process used meanwhile is
/// printed with the part its background JIT thread used.
/// </summary>
internal static class SharedDelivery
{
    private const int MaxWarmUps = 5;
    private static readonly TimeSpan MaxWarmJit = TimeSpan.FromSeconds(0.3);

    public static async Task RunAsync(BenchOptions options)
    {
        var root = BuiltWebApp.RepositoryRoot();
        var web = BuiltWebApp.Locate(root);

        await using var sandbox = await SandboxPeer.StartAsync(childProcess: true);
        var one = await MeasureAsync(web, root, sandbox, options, workers: 1);
        var many = await MeasureAsync(web, root, sandbox, options, options.Workers);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"two-worker speed-up: {many / one:0.00}"));
    }

    private static async Task<double> MeasureAsync(string web, string root, SandboxPeer sandbox, BenchOptions options, int workers)
    {
        var data = Directory.CreateTempSubdirectory("flowstudio-bench-workers-").FullName;
        var connectionString = PostgresServer.Instance.Database($"bench_{workers}_{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = "*",
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__FlowStudio"] = connectionString,
            ["DataProtection__KeysDirectory"] = Path.Combine(data, "keys"),
            ["Sandbox__Enabled"] = "false",
            ["Templates__Directory"] = Path.Combine(root, "templates"),
            ["Auth__Bootstrap__Email"] = BuiltWebApp.Email,
            ["Auth__Bootstrap__Password"] = BuiltWebApp.Password,
            ["Auth__Bootstrap__ApiKey"] = BuiltWebApp.ApiKey,
            ["Outbound__Allow__0"] = $"127.0.0.1:{sandbox.Root.Port}",
            // 8 slices (Engine:DeliveryMaxSlices) of the dataset.
            ["Engine__DeliverySliceRecords"] = Math.Max(1, options.Records / 16).ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var processes = new List<Process>();
        try
        {
            var address = new Uri($"http://127.0.0.1:{SandboxPeer.FreePort()}");
            processes.Add(Start(web, environment, address, "web"));
            using var api = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
            api.DefaultRequestHeaders.Authorization = new("Bearer", BuiltWebApp.ApiKey);
            await BuiltWebApp.WaitHealthyAsync(api, processes[0]);
            for (var i = 0; i < workers; i++)
            {
                var worker = new Uri($"http://127.0.0.1:{SandboxPeer.FreePort()}");
                processes.Add(Start(web, environment, worker, "worker"));
                using var probe = new HttpClient { BaseAddress = worker };
                await BuiltWebApp.WaitHealthyAsync(probe, processes[^1]);
            }

            // Warm-up deliveries of a quarter of the records (split too) first, so the measured one runs on warm workers, as in
            // production, where a worker runs for days: until the JIT has optimised the hot code (its background thread used less
            // than MaxWarmJit meanwhile), at most MaxWarmUps.
            var credentialId = await CredentialAsync(api, sandbox);
            using var control = new SandboxControl(sandbox.Root);
            var warmUps = 0;
            TimeSpan jit;
            do
            {
                var jitAtStart = processes.Select(JitCpu).ToList();
                await DeliverAsync(api, control, credentialId, await DatasetAsync(api, $"Bench warm-up {++warmUps}", options.Records / 4), options.Records / 4, options.LatencyMs);
                jit = TimeSpan.FromSeconds(processes.Select((p, i) => JitSince(p, jitAtStart[i]).TotalSeconds).Sum());
            }
            while (jit > MaxWarmJit && warmUps < MaxWarmUps);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {warmUps} warm-up deliveries of {options.Records / 4:N0} records; the JIT used {jit.TotalSeconds:0.0} s of CPU during the last"));
            var datasetId = await DatasetAsync(api, "Bench accounts", options.Records);
            var (busyBefore, allBefore) = MachineCpu();
            var processCpuBefore = processes.Select(p => p.TotalProcessorTime).ToList();
            var jitBefore = processes.Select(JitCpu).ToList();
            var (destinationId, elapsed, duplicates) = await DeliverAsync(api, control, credentialId, datasetId, options.Records, options.LatencyMs);
            var (busyAfter, allAfter) = MachineCpu();
            var perSecond = options.Records / elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{workers} worker(s): {options.Records:N0} records in {elapsed.TotalSeconds:0.0} s = {perSecond:N0} records/s ({duplicates} sent twice, latency {options.LatencyMs} ms)"));
            var perProcess = string.Join(", ", processes.Select((p, i) => string.Create(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "web" : $"worker {i}")} {(p.TotalProcessorTime - processCpuBefore[i]).TotalSeconds:0.0} s (JIT {JitSince(p, jitBefore[i]).TotalSeconds:0.0} s)")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  CPU meanwhile: the machine's {Environment.ProcessorCount} cores {100.0 * (busyAfter - busyBefore) / (allAfter - allBefore):0}% busy; {perProcess}"));
            await PrintSlicesAsync(connectionString, destinationId);
            return perSecond;
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }

            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// CPU time of the process's tiered-compilation threads (the JIT optimising hot code in the background) so far, per thread
    /// id, from /proc. The runtime ends that thread when it has nothing to do and starts another later, so CPU is compared
    /// thread by thread (<see cref="JitSince"/>); a thread that ended in between is not counted.
    /// </summary>
    private static Dictionary<string, long> JitCpu(Process process)
    {
        var ticks = new Dictionary<string, long>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{process.Id}/task"))
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
                {
                    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks[Path.GetFileName(task)] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process or a thread ended meanwhile.
        }

        return ticks;
    }

    /// <summary>The JIT threads' CPU since <paramref name="before"/> (100 clock ticks a second).</summary>
    private static TimeSpan JitSince(Process process, Dictionary<string, long> before) =>
        TimeSpan.FromSeconds(JitCpu(process).Sum(t => t.Value - before.GetValueOrDefault(t.Key)) / 100.0);

    /// <summary>The machine's busy and total CPU time so far (from /proc/stat), in clock ticks.</summary>
    private static (long Busy, long All) MachineCpu()
    {
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var idle = ticks[3] + ticks[4];
        var all = ticks.Take(8).Sum();
        return (all - idle, all);
    }

    /// <summary>Which instance delivered each slice, and when it finished after the run started: how evenly the workers shared it.</summary>
    private static async Task PrintSlicesAsync(string connectionString, string destinationId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            SELECT s."Slice", s."Instance", s."RecordsSent", EXTRACT(EPOCH FROM s."FinishedAt" - r."StartedAt")
            FROM "DeliverySlices" s JOIN "Runs" r ON r."Id" = s."RunId" WHERE r."ResourceId" = @destination ORDER BY s."Slice"
            """, connection);
        command.Parameters.AddWithValue("destination", destinationId);
        await using var reader = await command.ExecuteReaderAsync();
        var instances = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            var instance = reader.IsDBNull(1) ? "none" : reader.GetString(1);
            var name = instances.TryGetValue(instance, out var known) ? known : instances[instance] = $"instance {instances.Count + 1}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  slice {reader.GetInt32(0)}: {name}, {reader.GetInt64(2):N0} sent, finished {(reader.IsDBNull(3) ? double.NaN : (double)reader.GetDecimal(3)):0.0} s after the run started"));
        }
    }

    /// <summary>Resets the sandbox, activates a new Clari destination on the dataset and waits until the sandbox holds every record.</summary>
    private static async Task<(string DestinationId, TimeSpan Elapsed, long Duplicates)> DeliverAsync(
        HttpClient api, SandboxControl control, string credentialId, string datasetId, long records, int latencyMs)
    {
        await control.ResetAsync(latencyMs);
        var destination = await PostAsync(api, "/api/destinations", new
        {
            name = $"Bench accounts {Guid.NewGuid():N}",
            datasetId,
            credentialId,
            templateId = "clari.upload-entity-data",
            parameters = new Dictionary<string, string> { ["entityType"] = "account", ["mode"] = "incremental", ["isLastBatch"] = "false" },
        });
        var destinationId = destination.GetProperty("id").GetString()!;
        var watch = Stopwatch.StartNew();
        await PostAsync(api, $"/api/destinations/{destinationId}/activate", new { });
        var accounts = await control.AccountsAsync();
        while (accounts.Distinct < records)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException($"The workers delivered {accounts.Distinct} of {records} records in 30 minutes.");
            }

            await Task.Delay(50);
            accounts = await control.AccountsAsync();
        }

        watch.Stop();
        await PostAsync(api, $"/api/destinations/{destinationId}/pause", new { });
        return (destinationId, watch.Elapsed, accounts.Duplicates);
    }

    private static async Task<string> CredentialAsync(HttpClient api, SandboxPeer sandbox)
    {
        var credential = await PostAsync(api, "/api/credentials", new
        {
            connector = "clari",
            name = "Bench Clari",
            fields = new { baseUrl = sandbox.ClariBaseUrl.ToString(), apiKey = RawDelivery.ApiKey, partnerKey = RawDelivery.PartnerKey },
        });
        return credential.GetProperty("id").GetString()!;
    }

    /// <summary>A webhook source's dataset of <paramref name="records"/> accounts, all stored.</summary>
    private static async Task<string> DatasetAsync(HttpClient api, string name, long records)
    {
        var source = await PostAsync(api, "/api/sources", new { name, connector = "webhook" });
        var accounts = Enumerable.Range(1, checked((int)records))
            .Select(i => new { id = $"acc-{i}", name = $"Account {i}", createdAt = 1700000000000L, updatedAt = 1700000000000L + i });
        foreach (var chunk in accounts.Chunk(5000))
        {
            using var push = new HttpRequestMessage(HttpMethod.Post, source.GetProperty("webhookUrl").GetString()) { Content = JsonContent.Create(chunk) };
            push.Headers.Add("X-Webhook-Token", source.GetProperty("webhookToken").GetString());
            using var response = await api.SendAsync(push);
            response.EnsureSuccessStatusCode();
        }

        var datasetId = source.GetProperty("datasetId").GetString()!;
        while (JsonDocument.Parse(await api.GetStringAsync($"/api/datasets/{datasetId}")).RootElement.GetProperty("recordCount").GetInt64() < records)
        {
            await Task.Delay(200);
        }

        return datasetId;
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Process Start(string web, Dictionary<string, string> environment, Uri address, string role)
    {
        var start = new ProcessStartInfo("dotnet", [web, "--role", role])
        {
            WorkingDirectory = Path.GetDirectoryName(web)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"{role}: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }


}
