namespace FlowStudio.Web.Components.Layout;

/// <summary>One entry of the main navigation; <paramref name="Sections"/> are further paths that belong to it.</summary>
internal sealed record NavItem(string Title, string Href, string Icon, params string[] Sections)
{
    public bool IsCurrent(string path)
    {
        var normalized = "/" + path.Trim('/');
        return Sections.Prepend(Href).Any(section => section == "/"
            ? normalized == "/"
            : normalized.Equals(section, StringComparison.OrdinalIgnoreCase)
              || normalized.StartsWith(section + "/", StringComparison.OrdinalIgnoreCase));
    }
}
