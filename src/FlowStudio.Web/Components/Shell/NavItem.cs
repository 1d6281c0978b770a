namespace FlowStudio.Web.Components.Shell;

/// <summary>
/// One entry of the navigation: its words, address and icon (a MudBlazor icon); <paramref name="Sections"/> are further
/// paths that belong to it (the Flows entry also covers <c>/flows/...</c>).
/// </summary>
internal sealed record NavItem(string Title, string Href, string Icon, params string[] Sections)
{
    /// <summary>Whether <paramref name="path"/> (without query or fragment) is this entry's page or one below it.</summary>
    public bool IsCurrent(string path)
    {
        var normalized = "/" + path.Trim('/');
        return Sections.Prepend(Href).Any(section => section == "/"
            ? normalized == "/"
            : normalized.Equals(section, StringComparison.OrdinalIgnoreCase)
              || normalized.StartsWith(section + "/", StringComparison.OrdinalIgnoreCase));
    }
}
