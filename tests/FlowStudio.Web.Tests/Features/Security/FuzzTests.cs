using System.Text;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FlowStudio.Web.Tests.Features.Security;

/// <summary>Bounded fuzzing on loopback: malformed bodies to every POST and PUT endpoint; no answer may be a 5xx.</summary>
[Collection(AppCollection.Name)]
public sealed class FuzzTests(FlowStudioApp app, ITestOutputHelper output)
{
    private static readonly string[] Bodies =
    [
        "", " ", "null", "true", "0", "-1", "1e309", "\"text\"", "[]", "{}", "[[[[[[[[[[", "{\"a\":", "{'a':1}", "{\"name\":}",
        "{\"name\":null}", "{\"name\":1}", "{\"name\":[]}", "{\"name\":{}}", "{\"name\":\"\\ud800\"}", "{\"name\":\"x\",\"name\":\"y\"}",
        "{\"name\":\"x\",\"credentialId\":null,\"manual\":{\"url\":\"{now-2147483648}\"}}",
        "{\"name\":\"x\",\"manual\":{\"url\":\"http://[::1\",\"dataPath\":\"$[\"}}",
        "{\"name\":\"x\",\"manual\":{\"url\":\"/x\",\"headers\":{\"a\\r\\nb\":\"c\"}}}",
        "{\"name\":\"x\",\"schedule\":{\"kind\":\"every\",\"every\":2147483647,\"unit\":\"hours\"}}",
        "{\"name\":\"x\",\"schedule\":{\"cron\":\"* * * * * * *\",\"timeZone\":\"../../etc/passwd\"}}",
        "{\"name\":\"x\",\"datasetId\":\"ds\",\"manual\":{\"batching\":{\"enabled\":true,\"batchSize\":-5,\"algorithm\":\"code\",\"code\":\"(((((\"}}}",
        "{\"name\":\"x\",\"manual\":{\"batching\":{\"enabled\":true,\"batchSize\":99999999999}}}",
        "{\"rows\":[{\"a\":1},[],null,\"x\"],\"name\":\"L\"}", "{\"rows\":\"a,b\\n1\",\"name\":\"L2\"}",
        "{\"connector\":\"rest\",\"name\":\"r\",\"fields\":{\"baseUrl\":\"javascript:alert(1)\"}}",
        "{\"connector\":\"clari\",\"name\":\"c\",\"fields\":null}", "{\"connector\":{},\"fields\":[]}",
        "{\"payload\":\"{not json\",\"index\":-1}", "{\"payload\":null,\"index\":2147483647}",
        "{\"sync\":{\"objectType\":\"Nope\",\"mode\":1,\"fieldMapping\":{\"\":\"\"}}}",
        "{\"parameters\":{\"x\":{\"y\":1}}}", "{\"templateId\":\"../../etc\",\"parameters\":[]}",
        "\u0000\u0001\u0002", "{\"a\":1}garbage", "[{\"id\":1},", "{\"id\":1e400}",
    ];

    [Fact]
    public async Task EveryPostAndPut_MalformedBodies_NeverAnswer5xx()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT").Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} POST/PUT routes found");

        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var random = new Random(20261206);
        var sent = 0;
        var failures = new List<string>();
        foreach (var (method, route) in routes)
        {
            foreach (var body in Bodies.Concat(Mutations(random, credentialId, 12)))
            {
                var url = FillRoute(route, random);
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Webhook-Token", "wrong");
                using var response = await client.SendAsync(request);
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {url} {(int)response.StatusCode}: {body[..Math.Min(body.Length, 120)]} -> {(await response.Content.ReadAsStringAsync())[..Math.Min(200, (int)(response.Content.Headers.ContentLength ?? 200))]}");
                }
            }
        }

        output.WriteLine($"{sent} malformed requests to {routes.Count} routes, {failures.Count} answered 5xx");
        Assert.True(sent >= 1000, $"only {sent} requests sent");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        using var health = await client.GetAsync("/api/health");
        Assert.True(health.IsSuccessStatusCode);
    }

    private static string FillRoute(string route, Random random)
    {
        string[] ids = ["x", "src_000000000000", "%00", "..%2F..", new string('9', 40), "dst_ffffffffffff", "run_1"];
        var parts = route.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{'))
            {
                parts[i] = parts[i].Contains(":int", StringComparison.Ordinal) ? random.Next(-5, 5).ToString(System.Globalization.CultureInfo.InvariantCulture) : ids[random.Next(ids.Length)];
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>Valid-looking bodies with one field broken in a random way.</summary>
    private static IEnumerable<string> Mutations(Random random, string credentialId, int count)
    {
        string[] values = ["null", "-1", "1.5", "\"\"", "\"{\"", "[]", "{}", "\"$[?@\"", "\"http://169.254.169.254/\"", "99999999999999999999", "\"" + new string('z', 5000) + "\""];
        string[] templates =
        [
            "{\"name\":\"n\",\"credentialId\":\"" + credentialId + "\",\"manual\":{\"method\":VALUE,\"url\":\"/v2/client/search\",\"dataPath\":\"$.data[*]\"}}",
            "{\"name\":\"n\",\"credentialId\":\"" + credentialId + "\",\"manual\":{\"url\":VALUE,\"dataPath\":\"$.data[*]\"}}",
            "{\"name\":\"n\",\"credentialId\":\"" + credentialId + "\",\"manual\":{\"url\":\"/v2/client/search\",\"dataPath\":VALUE}}",
            "{\"name\":\"n\",\"credentialId\":\"" + credentialId + "\",\"templateId\":\"clientsuccess.search-pulses\",\"parameters\":VALUE}",
            "{\"name\":VALUE,\"datasetId\":\"x\",\"credentialId\":\"" + credentialId + "\",\"manual\":{\"url\":\"/x\",\"batching\":{\"enabled\":true,\"batchSize\":VALUE}}}",
            "{\"name\":\"n\",\"schedule\":VALUE}",
        ];
        for (var i = 0; i < count; i++)
        {
            yield return templates[random.Next(templates.Length)].Replace("VALUE", values[random.Next(values.Length)], StringComparison.Ordinal);
        }
    }
}
