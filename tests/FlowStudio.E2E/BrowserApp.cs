using Microsoft.Playwright;

namespace FlowStudio.E2E;

/// <summary>One FlowStudio server and one headless Debian Chromium, shared by every browser test.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _signedIn;

    public FlowStudioServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}, which is missing. Install it with: apt-get install -y chromium");
        }

        Server = new FlowStudioServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh browser tab (own cookies) on the server, at the given viewport width, signed in as the owner (or not, with
    /// <paramref name="signedIn"/> false). The first signed-in tab signs in through the real sign-in page; later ones
    /// start from its cookies.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 860, bool signedIn = true)
    {
        if (signedIn && _signedIn is null)
        {
            var first = await NewContextAsync(width, height, storageState: null);
            var page = await first.NewPageAsync();
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("Email").FillAsync(FlowStudioServer.OwnerEmail);
            await page.GetByLabel("Password").FillAsync(FlowStudioServer.OwnerPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
            _signedIn = await first.StorageStateAsync();
            await first.CloseAsync();
        }

        var context = await NewContextAsync(width, height, signedIn ? _signedIn : null);
        return await context.NewPageAsync();
    }

    private async Task<IBrowserContext> NewContextAsync(int width, int height, string? storageState)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(10_000);
        // The suite shares two cores with the other test projects in CI: give assertions room before they fail.
        Assertions.SetDefaultExpectTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
