namespace FlowStudio.Web.Components.Shell;

/// <summary>
/// Marks a page served without a circuit (sign-in, first run, set password, access denied, the error page) that still
/// looks like the interactive UI: the document loads MudBlazor's stylesheet and the shell's, and no script. Such a page
/// also carries <c>[ExcludeFromInteractiveRouting]</c> and uses <see cref="PlainLayout"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class PlainPageAttribute : Attribute;
