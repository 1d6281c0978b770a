namespace FlowStudio.Engine.Scripting;

/// <summary>A function's result passed <see cref="ScriptOptions.MaxOutputBytes"/> while it was being written.</summary>
internal sealed class OutputLimitExceededException : Exception
{
    public OutputLimitExceededException()
        : base("The script's result is larger than the output limit.")
    {
    }

    public OutputLimitExceededException(string message)
        : base(message)
    {
    }

    public OutputLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
