using MudBlazor;

namespace FlowStudio.Web.Components.Shell;

/// <summary>FlowStudio's colours and type: system fonts (no web font downloads), contrast that meets WCAG AA.</summary>
internal static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d5fbf",
            Secondary = "#5c6b7a",
            AppbarBackground = "#1a2433",
            DrawerBackground = "#ffffff",
            Success = "#2b7a0b",
            Error = "#c62828",
            Warning = "#9a5b00",
            Info = "#0b6a8a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
            // Buttons read as written ("Sign in", "Send Test Data"), not in capitals.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
