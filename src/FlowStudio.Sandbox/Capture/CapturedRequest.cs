namespace FlowStudio.Sandbox.Capture;

/// <summary>One request the sandbox received: its order, method, path and query; for the capture endpoint also its body.</summary>
public sealed record CapturedRequest(long Seq, string Method, string Path, string? ContentType = null, string? Body = null);
