using System.Collections.Concurrent;
using System.Diagnostics;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Reads requests on the calling thread and runs them on one script thread (16 MB of stack), so a cancel request is
/// read while a script runs. Replies are written by the script thread.
/// </summary>
internal sealed class ScriptHostLoop(JintScriptEvaluator evaluator, Stream input, Stream output)
{
    private const int ScriptStackBytes = 16 * 1024 * 1024;
    private const long CollectAfterBytes = 32L * 1024 * 1024;

    private readonly BlockingCollection<Request> _requests = new(boundedCapacity: 16);
    private readonly BinaryReader _reader = new(input);
    private readonly BinaryWriter _writer = new(output);
    private readonly OutputBuffer _result = new(evaluator.Options.MaxOutputBytes);
    private readonly Lock _gate = new();
    private int _runningId;
    private CancellationTokenSource? _running;

    // Compiles the engine's common paths before the worker says it is ready, so that a fresh worker's first call (after
    // a kill, on a busy machine, at a lower priority) is not timed on the JIT.
    private const string WarmUp = "const group = (records) => records.map(({ id, ...rest }) => ({ id: `w-${id}`, ...rest, n: rest?.n ?? 0 }));";
    private const string WarmUpRecords = "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"n\":3}]";

    public void Run()
    {
        try
        {
            evaluator.CallFunction(WarmUp, "group", WarmUpRecords);
        }
        catch (ScriptException)
        {
            // A slow start is not a failure.
        }

        new Thread(Serve, ScriptStackBytes) { IsBackground = true, Name = "script" }.Start();
        lock (_gate)
        {
            _writer.Write(ScriptHostFrames.Ready);
            _writer.Write(0);
            _writer.Flush();
        }

        try
        {
            while (true)
            {
                var type = _reader.ReadByte();
                var id = _reader.ReadInt32();
                switch (type)
                {
                    case ScriptHostFrames.Call:
                        _requests.Add(new Request(id, type, ScriptHostFrames.ReadText(_reader),
                            _reader.ReadString(), [ScriptHostFrames.ReadText(_reader)]));
                        break;
                    case ScriptHostFrames.CallEach:
                        var code = ScriptHostFrames.ReadText(_reader);
                        var function = _reader.ReadString();
                        var arguments = new string[_reader.ReadInt32()];
                        for (var i = 0; i < arguments.Length; i++)
                        {
                            arguments[i] = ScriptHostFrames.ReadText(_reader);
                        }

                        _requests.Add(new Request(id, type, code, function, arguments));
                        break;
                    case ScriptHostFrames.Check:
                        _requests.Add(new Request(id, type, ScriptHostFrames.ReadText(_reader), "", []));
                        break;
                    case ScriptHostFrames.Cancel:
                        lock (_gate)
                        {
                            if (_runningId == id)
                            {
                                _running?.Cancel();
                            }
                        }

                        break;
                    default:
                        throw new InvalidDataException($"Unknown request type {type}.");
                }
            }
        }
        catch (EndOfStreamException)
        {
            // The parent closed stdin (it stopped, or let this worker go).
        }
    }

    private void Serve()
    {
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            using var cancellation = new CancellationTokenSource();
            lock (_gate)
            {
                _runningId = request.Id;
                _running = cancellation;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            Reply(request, cancellation.Token);
            lock (_gate)
            {
                _runningId = 0;
                _running = null;
            }

            if (GC.GetAllocatedBytesForCurrentThread() - allocated > CollectAfterBytes)
            {
                // Give a big run's memory back, so an idle worker stays small.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
    }

    private void Reply(Request request, CancellationToken cancellationToken)
    {
        if (request.Type == ScriptHostFrames.Check)
        {
            ScriptException? problem;
            try
            {
                problem = evaluator.CheckSyntax(request.Code);
            }
            catch (Exception unexpected)
            {
                problem = new ScriptException(ScriptErrorKind.Runtime, "Error", unexpected.Message, null, null);
            }

            Write(w =>
            {
                if (problem is null)
                {
                    WriteResult(w, request.Id, hasValue: false);
                }
                else
                {
                    ScriptHostFrames.WriteError(w, request.Id, problem);
                }
            });
            return;
        }

        // Answers go out together, held back at most ProgressLag: the parent times each call from the answer before it.
        var sent = Stopwatch.GetTimestamp();
        foreach (var argument in request.Arguments)
        {
            if (Stopwatch.GetElapsedTime(sent) >= ScriptHostFrames.ProgressLag)
            {
                Write(_ => { });
                sent = Stopwatch.GetTimestamp();
            }

            bool hasValue;
            try
            {
                hasValue = evaluator.Run(request.Code, request.Function, argument, _result, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Write(w =>
                {
                    w.Write(ScriptHostFrames.Cancelled);
                    w.Write(request.Id);
                });
                return;
            }
            catch (Exception failure)
            {
                var error = failure as ScriptException ?? new ScriptException(ScriptErrorKind.Runtime, "Error", failure.Message, null, null);
                Write(w => ScriptHostFrames.WriteError(w, request.Id, error), flush: false);
                continue;
            }

            Write(w => WriteResult(w, request.Id, hasValue), flush: false);
            _result.Clear();
        }

        Write(_ => { });
    }

    private void WriteResult(BinaryWriter writer, int id, bool hasValue)
    {
        writer.Write(ScriptHostFrames.Result);
        writer.Write(id);
        writer.Write(hasValue);
        if (hasValue)
        {
            writer.Write7BitEncodedInt(_result.WrittenSpan.Length);
            writer.Write(_result.WrittenSpan);
        }
    }

    private void Write(Action<BinaryWriter> write, bool flush = true)
    {
        lock (_gate)
        {
            write(_writer);
            if (flush)
            {
                _writer.Flush();
            }
        }
    }

    private sealed record Request(int Id, byte Type, string Code, string Function, string[] Arguments);
}
