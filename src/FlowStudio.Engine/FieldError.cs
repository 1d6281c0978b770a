namespace FlowStudio.Engine;

/// <summary>A problem with one input field, named as the API and the UI name it (e.g. "url", "parameters.clientId").</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
