namespace FlowStudio.Web.Tests.Support;

/// <summary>The owner every test host is set up with (<c>Auth:Bootstrap:*</c>), and their API key, which test clients send.</summary>
internal static class TestAccounts
{
    public const string OwnerEmail = "owner@flowstudio.test";
    public const string OwnerPassword = "Owner-Password-1";
    public const string OwnerApiKey = "fs_test-owner-key-0123456789abcdefghijklmnopqrstuv";

    public static Dictionary<string, string?> BootstrapSettings() => new()
    {
        ["Auth:Bootstrap:Email"] = OwnerEmail,
        ["Auth:Bootstrap:Password"] = OwnerPassword,
        ["Auth:Bootstrap:ApiKey"] = OwnerApiKey,
    };
}
