using System.Security.Cryptography;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Security;

public sealed class KeyRingTests
{
    [Fact]
    public async Task KeyEncryptionKey_KeyRingFilesHoldNoPlainKeyAndSecretsStillDecryptAfterRestart()
    {
        var kek = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string?> { ["DataProtection:KeyEncryptionKey"] = kek };
        string dataDirectory;
        await using (var first = new FlowStudioApp(settings))
        {
            dataDirectory = first.DataDirectory;
            using var client = first.CreateClient();
            await client.PostJsonAsync("/api/credentials", new { connector = "clari", name = "Clari KEK", fields = new { apiKey = "clari-sandbox-key", partnerKey = "clari-sandbox-partner", baseUrl = "/sandbox/clari" } }, 201);
        }

        TestDatabase.ReleaseConnections();
        var ring = Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "*.xml");
        Assert.NotEmpty(ring);
        foreach (var file in ring)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("encryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }

        await using var second = new FlowStudioApp(settings, dataDirectory);
        using var again = second.CreateClient();
        var id = await again.CredentialIdAsync("Clari KEK");
        var test = await again.PostJsonAsync($"/api/credentials/{id}/test", new { }, 200);
        Assert.True(test.GetProperty("ok").GetBoolean(), test.ToString());
    }
}
