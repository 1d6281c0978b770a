using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// One worker process, used by one caller at a time. While a call runs, a timer watches it: past
/// <see cref="ScriptOptions.TimeoutInterval"/> + <see cref="ScriptOptions.WorkerGrace"/>, past the grace after a
/// cancellation, or above its memory cap, the process tree is killed, the blocked read ends, and the caller gets the
/// limit that was broken. A killed or crashed worker is not used again.
/// </summary>
internal sealed class ScriptWorker : IDisposable
{
    private const long ResidentOverheadBytes = 128L * 1024 * 1024;
    private static readonly TimeSpan WatchPeriod = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly ScriptReplyReader _reader;
    private readonly BinaryWriter _writer;
    private readonly ScriptOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly Lock _writeGate = new();
    private int _nextId;
    private int _callId;
    private long _callStarted;
    private long _cancelledAt;
    private volatile bool _lost;
    private int _stop;

    private ScriptWorker(Process process, ScriptOptions options, TimeProvider time)
    {
        _process = process;
        _options = options;
        _time = time;
        _reader = new ScriptReplyReader(process.StandardOutput.BaseStream);
        _writer = new BinaryWriter(new BufferedStream(process.StandardInput.BaseStream, 64 * 1024));
        process.ErrorDataReceived += (sender, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                _errors.Enqueue(line);
                while (_errors.Count > 10 && _errors.TryDequeue(out _))
                {
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public bool IsUsable => !_lost && !_process.HasExited;

    private WorkerStop Stop => (WorkerStop)Volatile.Read(ref _stop);

    /// <summary>Starts a worker and waits until it is ready.</summary>
    /// <exception cref="ScriptException">The worker did not start.</exception>
    public static ScriptWorker Start(ScriptHostCommand command, ScriptOptions options, TimeProvider time)
    {
        var process = Process.Start(command.StartInfo(options))
            ?? throw new InvalidOperationException("The script worker process did not start.");
        if (!OperatingSystem.IsLinux() && options.WorkerNiceness > 0)
        {
            TryLowerPriority(process);
        }

        var worker = new ScriptWorker(process, options, time);
        using var timer = time.CreateTimer(_ => worker.Kill(WorkerStop.Start), null, StartTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            if (worker.ReadReadyAsync().GetAwaiter().GetResult())
            {
                return worker;
            }
        }
        catch (Exception error) when (error is IOException or EndOfStreamException or ObjectDisposedException)
        {
        }

        worker.Kill(WorkerStop.Start);
        var failure = worker.Lost(CancellationToken.None);
        worker.Dispose();
        throw failure;
    }

    /// <summary>Calls <paramref name="functionName"/> in the worker (see <see cref="IScriptEvaluator.CallFunction"/>).</summary>
    public async Task<string?> CallAsync(string script, string functionName, string argumentJson, CancellationToken cancellationToken)
    {
        var answers = new Answers(1);
        await ExchangeAsync((w, id) =>
        {
            w.Write(ScriptHostFrames.Call);
            w.Write(id);
            w.Write(script);
            w.Write(functionName);
            w.Write(argumentJson);
        }, answers, cancellationToken).ConfigureAwait(false);
        var outcome = answers.Outcomes[0];
        return outcome.Error is { } error ? throw error : outcome.Json;
    }

    /// <summary>
    /// Calls <paramref name="functionName"/> once per argument in one message (see <see cref="IScriptEvaluator.CallEachAsync"/>):
    /// the outcomes received, and what lost the worker (killed past a limit, or crashed) during one of the calls after
    /// those, if it was lost.
    /// </summary>
    public async Task<(IReadOnlyList<ScriptOutcome> Outcomes, ScriptException? Lost)> CallEachAsync(string script, string functionName,
        IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var answers = new Answers(arguments.Count);
        try
        {
            await ExchangeAsync((w, id) =>
            {
                w.Write(ScriptHostFrames.CallEach);
                w.Write(id);
                w.Write(script);
                w.Write(functionName);
                w.Write(arguments.Count);
                foreach (var argument in arguments)
                {
                    w.Write(argument);
                }
            }, answers, cancellationToken).ConfigureAwait(false);
            return (answers.Outcomes, null);
        }
        catch (ScriptException lost) when (answers.Received < arguments.Count)
        {
            return (answers.Outcomes[..answers.Received], lost);
        }
    }

    /// <summary>Parses <paramref name="script"/> in the worker; the problem, or null.</summary>
    public async Task<ScriptException?> CheckAsync(string script)
    {
        try
        {
            var answers = new Answers(1);
            await ExchangeAsync((w, id) =>
            {
                w.Write(ScriptHostFrames.Check);
                w.Write(id);
                w.Write(script);
            }, answers, CancellationToken.None).ConfigureAwait(false);
            return answers.Outcomes[0].Error is { } problem ? throw problem : null;
        }
        catch (ScriptException problem)
        {
            return problem.Kind == ScriptErrorKind.Syntax
                ? problem
                : new ScriptException(ScriptErrorKind.Syntax, "SyntaxError", "the code could not be checked: " + problem.Detail, null, null);
        }
    }

    public void Dispose()
    {
        _lost = true;
        try
        {
            _writer.Dispose(); // closes stdin: an idle worker exits on its own
        }
        catch (IOException)
        {
        }

        Kill(Stop);
        _process.Dispose();
    }

    private async Task<bool> ReadReadyAsync() =>
        await _reader.ReadByteAsync().ConfigureAwait(false) == ScriptHostFrames.Ready
        && await _reader.ReadInt32Async().ConfigureAwait(false) == 0;

    // Sends one request and reads its replies (one per call); the clock allows each call its own time limit.
    private async Task ExchangeAsync(Action<BinaryWriter, int> write, Answers answers, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        Interlocked.Exchange(ref _cancelledAt, 0);
        Interlocked.Exchange(ref _callStarted, _time.GetTimestamp());
        Volatile.Write(ref _callId, id);
        try
        {
            lock (_writeGate)
            {
                write(_writer, id);
                _writer.Flush();
            }

            using var watch = _time.CreateTimer(_ => Watch(), null, WatchPeriod, WatchPeriod);
            await using var registration = cancellationToken.Register(() => CancelCall(id));
            while (answers.Received < answers.Outcomes.Length)
            {
                var reply = await _reader.ReadByteAsync().ConfigureAwait(false);
                var replyId = await _reader.ReadInt32Async().ConfigureAwait(false);
                switch (reply)
                {
                    case ScriptHostFrames.Result:
                        var hasValue = await _reader.ReadByteAsync().ConfigureAwait(false) != 0;
                        var value = hasValue ? await _reader.ReadTextAsync().ConfigureAwait(false) : null;
                        if (replyId == id)
                        {
                            answers.Outcomes[answers.Received++] = new ScriptOutcome(value, null);
                            Answered();
                        }

                        break;
                    case ScriptHostFrames.Error:
                        var error = await _reader.ReadErrorAsync().ConfigureAwait(false);
                        if (replyId == id)
                        {
                            if (error.Kind == ScriptErrorKind.MemoryLimit)
                            {
                                _lost = true; // its heap may be bloated or damaged: start afresh
                            }

                            answers.Outcomes[answers.Received++] = new ScriptOutcome(null, error);
                            Answered();
                        }

                        break;
                    case ScriptHostFrames.Cancelled when replyId == id:
                        throw new OperationCanceledException("The script run was cancelled.", cancellationToken);
                    case ScriptHostFrames.Cancelled:
                        break;
                    default:
                        throw new InvalidDataException($"Unknown reply type {reply}.");
                }
            }
        }
        catch (Exception error) when (error is IOException or EndOfStreamException or InvalidDataException or ObjectDisposedException)
        {
            _lost = true;
            Kill(Stop == WorkerStop.None ? WorkerStop.Start : Stop);
            throw Lost(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _callId, 0);
        }
    }

    // The request's next call started no earlier than this answer, and no more than ScriptHostFrames.ProgressLag before it was sent.
    private void Answered() => Interlocked.Exchange(ref _callStarted, _time.GetTimestamp());

    private void CancelCall(int id)
    {
        Interlocked.Exchange(ref _cancelledAt, _time.GetTimestamp());
        try
        {
            lock (_writeGate)
            {
                _writer.Write(ScriptHostFrames.Cancel);
                _writer.Write(id);
                _writer.Flush();
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            Kill(WorkerStop.Cancelled);
        }
    }

    private void Watch()
    {
        if (Volatile.Read(ref _callId) == 0)
        {
            return;
        }

        var cancelledAt = Interlocked.Read(ref _cancelledAt);
        if (_time.GetElapsedTime(Interlocked.Read(ref _callStarted)) > _options.TimeoutInterval + _options.WorkerGrace + ScriptHostFrames.ProgressLag)
        {
            Kill(WorkerStop.Timeout);
        }
        else if (cancelledAt != 0 && _time.GetElapsedTime(cancelledAt) > _options.WorkerGrace)
        {
            Kill(WorkerStop.Cancelled);
        }
        else if (ResidentBytes() > _options.WorkerMemoryLimit + ResidentOverheadBytes)
        {
            Kill(WorkerStop.Memory);
        }
    }

    private long ResidentBytes()
    {
        try
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private void Kill(WorkerStop reason)
    {
        Interlocked.CompareExchange(ref _stop, (int)reason, (int)WorkerStop.None);
        _lost = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already exited.
        }
    }

    private Exception Lost(CancellationToken cancellationToken) => Stop switch
    {
        WorkerStop.Timeout => ScriptFailures.TimeLimit(_options, null),
        WorkerStop.Memory => ScriptFailures.MemoryLimit(_options, null),
        WorkerStop.Cancelled => new OperationCanceledException("The script run was cancelled.", cancellationToken),
        _ => new ScriptException(ScriptErrorKind.Host, "Script worker failed",
            $"the worker process stopped{ExitCode()}{LastError()}; the script was not run to its end", null, null),
    };

    private string ExitCode()
    {
        try
        {
            return _process.WaitForExit(TimeSpan.FromSeconds(2))
                ? " (exit code " + _process.ExitCode.ToString(CultureInfo.InvariantCulture) + ")"
                : "";
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    private string LastError() => _errors.IsEmpty ? "" : ": " + string.Join(" ", _errors.Take(3)).Trim();

    private sealed class Answers(int count)
    {
        public ScriptOutcome[] Outcomes { get; } = new ScriptOutcome[count];

        public int Received { get; set; }
    }

    private static void TryLowerPriority(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }
}
