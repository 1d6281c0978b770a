namespace FlowStudio.Web.Features.Flows;

/// <summary>Where Export downloads a flow from: the export API as a file (the browser saves it and stays on the page).</summary>
internal static class FlowExportLink
{
    public static string For(string sourceId) => $"/api/flows/{Uri.EscapeDataString(sourceId)}/export?download=true";
}
