using FlowStudio.Web.Features.Accounts;
using MudBlazor;

namespace FlowStudio.Web.Components.Shell;

/// <summary>The navigation's entries, in order: the main sections, and the account section with the least role each needs.</summary>
internal static class NavItems
{
    /// <summary>The main sections under their headings: Integrate (where New Data Flow is, as in Nexla) and Monitor.</summary>
    public static readonly IReadOnlyList<(string Heading, IReadOnlyList<NavItem> Items)> Main =
    [
        ("Integrate",
        [
            new("Flows", "/", Icons.Material.Filled.AccountTree, "/flows"),
            new("Sources", "/sources", Icons.Material.Filled.Input),
            new("Destinations", "/destinations", Icons.Material.Filled.Output),
            new("Syncs", "/syncs", Icons.Material.Filled.SyncAlt),
            new("Credentials", "/credentials", Icons.Material.Filled.Key),
            new("Lookups", "/lookups", Icons.Material.Filled.TableChart),
        ]),
        ("Monitor", [new("Runs", "/runs", Icons.Material.Filled.PlayCircle)]),
    ];

    public static readonly IReadOnlyList<(NavItem Item, AccountRole Role)> Account =
    [
        (new("Users", AccountPaths.Users, Icons.Material.Filled.People), AccountRole.Owner),
        (new("API keys", AccountPaths.ApiKeys, Icons.Material.Filled.VpnKey), AccountRole.Viewer),
        (new("Audit", AccountPaths.Audit, Icons.Material.Filled.History), AccountRole.Owner),
    ];
}
