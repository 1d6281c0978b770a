using MudBlazor;

namespace FlowStudio.Web.Components.Shell;

internal static class DialogExtensions
{
    /// <summary>
    /// Asks before a destructive or writing action: <paramref name="title"/>, what will happen, and a button that names
    /// the action (never a bare "OK"). True when the user chose <paramref name="yes"/>.
    /// </summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yes, string no = "Cancel")
    {
        var answer = await dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: no);
        return answer == true;
    }
}
