namespace FlowStudio.Application;

/// <summary>How a FlowStudio host is built, for the app and for the benchmark that drives the same services.</summary>
internal static class HostArguments
{
    /// <summary>
    /// The command line with <c>hostBuilder:reloadConfigOnChange=false</c> added: the settings files are read once at start.
    /// Reloading them would watch the whole content root, where the SQLite database lives (<c>data/</c>), and every page
    /// SQLite writes would wake that watcher: about a third of a source run's CPU went to it.
    /// </summary>
    public static string[] For(string[] args) => [.. args, "--hostBuilder:reloadConfigOnChange=false"];
}
