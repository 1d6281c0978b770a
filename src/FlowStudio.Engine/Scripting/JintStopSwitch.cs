using System.Reflection;
using JsEngine = Jint.Engine;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Stops a running Jint engine from another thread. Jint 2.10.4 has no cancellation and no memory limit, but
/// <c>Engine.ExecuteStatement</c> checks the private field <c>long _timeoutTicks</c> before every statement and
/// throws <see cref="TimeoutException"/> once it is positive and in the past. Setting it to 1 therefore stops
/// the script at its next statement. Pinned to Jint 2.10.4: JintStopSwitchTests fail loudly if the field is gone.
/// </summary>
internal static class JintStopSwitch
{
    private static readonly FieldInfo? TimeoutTicks =
        typeof(JsEngine).GetField("_timeoutTicks", BindingFlags.Instance | BindingFlags.NonPublic);

    public static bool IsAvailable => TimeoutTicks?.FieldType == typeof(long);

    public static void EnsureAvailable()
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException(
                "The script sandbox cannot stop scripts: Jint.Engine._timeoutTicks (Jint 2.10.4) was not found. " +
                $"Loaded Jint is {typeof(JsEngine).Assembly.GetName().Version}.");
        }
    }

    public static void Stop(JsEngine engine) => TimeoutTicks!.SetValue(engine, 1L);
}
