using System.Globalization;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Parser;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// One script run on its own thread (with a large stack, so deep parser or call nesting cannot overflow a pool
/// thread), watched by <see cref="Poll"/>: the caller polls it every few milliseconds and the run is stopped
/// through <see cref="JintStopSwitch"/> on cancellation, timeout or heap growth.
/// </summary>
internal sealed class ScriptRun
{
    public const int StackBytes = 16 * 1024 * 1024;

    // A run stuck inside one long native call (a huge string join) cannot be interrupted; after this grace
    // the caller gets the failure and the background thread is left to finish on its own.
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(1);

    private readonly string _script;
    private readonly string _functionName;
    private readonly string _argumentJson;
    private readonly ScriptLimits _limits;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancellationToken;
    private readonly HeapWatch _heap;
    private readonly long _started;
    private readonly TaskCompletionSource<string?> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile JsEngine? _engine;
    private int _reason;
    private long _stoppedAt;
    private int _polling;

    public ScriptRun(string script, string functionName, string argumentJson, ScriptLimits limits,
        TimeProvider time, CancellationToken cancellationToken)
    {
        _script = script;
        _functionName = functionName;
        _argumentJson = argumentJson;
        _limits = limits;
        _time = time;
        _cancellationToken = cancellationToken;
        _heap = new HeapWatch(limits.MemoryBytes, time);
        _started = time.GetTimestamp();
    }

    public Task<string?> Completion => _completion.Task;

    private StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    public void Start() =>
        new Thread(Run, StackBytes) { IsBackground = true, Name = "FlowStudio script" }.Start();

    public void Poll()
    {
        if (_completion.Task.IsCompleted || Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        try
        {
            if (Reason == StopReason.None)
            {
                if (_cancellationToken.IsCancellationRequested)
                {
                    Stop(StopReason.Cancelled);
                }
                else if (_time.GetElapsedTime(_started) > _limits.Timeout)
                {
                    Stop(StopReason.Timeout);
                }
                else if (_heap.IsOverLimit())
                {
                    Stop(StopReason.Memory);
                }
            }

            if (Reason != StopReason.None)
            {
                if (_engine is { } engine)
                {
                    // Repeated on every poll: Engine.Execute resets the field when a new phase starts.
                    JintStopSwitch.Stop(engine);
                }

                if (_time.GetElapsedTime(Interlocked.Read(ref _stoppedAt)) > AbandonAfter)
                {
                    _completion.TrySetException(
                        ScriptFailures.Stopped(Reason, null, _limits, _cancellationToken));
                }
            }
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private void Stop(StopReason reason)
    {
        Interlocked.Exchange(ref _stoppedAt, _time.GetTimestamp());
        Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None);
    }

    private void Run()
    {
        JsEngine? engine = null;
        try
        {
            engine = new JsEngine(options => options
                .TimeoutInterval(_limits.Timeout)
                .MaxStatements(_limits.MaxStatements)
                .LimitRecursion(_limits.MaxRecursion)
                .Culture(CultureInfo.InvariantCulture)
                .LocalTimeZone(TimeZoneInfo.Utc));
            _engine = engine;
            ThrowIfStopped();
            var program = new JavaScriptParser().Parse(_script,
                new ParserOptions { Source = ScriptFailures.CodeSource });
            engine.Execute(program);
            var function = engine.GetValue(_functionName);
            if (!function.Is<Jint.Native.ICallable>())
            {
                throw new ScriptException(ScriptErrorKind.InvalidResult, "Missing function",
                    $"the code must define function {_functionName}(...)", null, null);
            }

            var argument = engine.Json.Parse(JsValue.Undefined, [new JsValue(_argumentJson)]);
            var result = function.Invoke(JsValue.Undefined, [argument]);
            ThrowIfStopped();
            var json = result.IsUndefined()
                ? JsValue.Undefined
                : engine.Json.Stringify(JsValue.Undefined, [result]);
            _completion.TrySetResult(json.IsString() ? json.AsString() : null);
        }
        catch (Exception error)
        {
            _completion.TrySetException(ScriptFailures.Translate(error, engine, Reason, _limits, _script,
                _cancellationToken));
        }
    }

    private void ThrowIfStopped()
    {
        if (Reason != StopReason.None)
        {
            throw new TimeoutException();
        }
    }
}
