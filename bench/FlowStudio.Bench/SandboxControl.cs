using System.Net.Http.Json;
using System.Text.Json;

namespace FlowStudio.Bench;

/// <summary>The sandbox's control endpoints: reset, and the Clari account records received.</summary>
internal sealed class SandboxControl(Uri root) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = root };

    /// <summary>Clears received records and faults, then sets the answer latency (0 = none).</summary>
    public async Task ResetAsync(int latencyMs)
    {
        using (var response = await _http.PostAsync("sandbox/_reset", null))
        {
            response.EnsureSuccessStatusCode();
        }

        if (latencyMs > 0)
        {
            using var faults = await _http.PostAsJsonAsync("sandbox/_faults", new { latencyMs });
            faults.EnsureSuccessStatusCode();
        }
    }

    /// <summary>(count, distinct ids, duplicates) of Clari account records received.</summary>
    public async Task<(long Count, long Distinct, long Duplicates)> AccountsAsync()
    {
        using var state = JsonDocument.Parse(await _http.GetStringAsync("sandbox/_state"));
        var account = state.RootElement.GetProperty("clari").GetProperty("account");
        return (account.GetProperty("count").GetInt64(), account.GetProperty("distinctIds").GetInt64(), account.GetProperty("duplicates").GetInt64());
    }

    public void Dispose() => _http.Dispose();
}
