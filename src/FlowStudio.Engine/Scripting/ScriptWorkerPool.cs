using System.Collections.Concurrent;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// <see cref="IScriptEvaluator"/> that runs scripts in worker processes (<c>FlowStudio.ScriptHost</c>, which runs
/// <see cref="JintScriptEvaluator"/> with the same <see cref="ScriptOptions"/>), so that a hostile script never outlives
/// its call and never takes more memory than a worker's cap: Jint checks its limits between statements, and a single
/// native call (a huge join, a catastrophic regex, string doubling) is bounded only by killing its process.
/// Keeps up to <see cref="ScriptOptions.Workers"/> warm workers and reuses them; a worker that broke a limit is killed
/// (with its process tree) and replaced in the background. Workers run at a lower priority (nice) and end when the
/// parent closes their stdin or dies.
/// </summary>
public sealed class ScriptWorkerPool : IScriptEvaluator, IDisposable
{
    private readonly ScriptHostCommand _command;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<ScriptWorker> _idle = [];
    private volatile bool _disposed;

    /// <summary>Creates a pool; workers start on first use.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">A limit is out of range.</exception>
    /// <exception cref="InvalidOperationException"><c>FlowStudio.ScriptHost.dll</c> was not found.</exception>
    public ScriptWorkerPool(ScriptOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Options = options.Validate();
        _time = time;
        _command = ScriptHostCommand.Create(options);
        _slots = new SemaphoreSlim(options.Workers, options.Workers);
    }

    /// <summary>The limits every run gets.</summary>
    public ScriptOptions Options { get; }

    /// <summary>Process ids of the idle workers (for tests and diagnostics).</summary>
    public IReadOnlyList<int> IdleWorkerIds => [.. _idle.Where(w => w.IsUsable).Select(w => w.ProcessId)];

    /// <inheritdoc />
    public string? CallFunction(string script, string functionName, string argumentJson,
        CancellationToken cancellationToken = default)
    {
        // Blocking on a task (not on a semaphore or a pipe) lets the thread pool add threads while callers wait.
        return CallFunctionAsync(script, functionName, argumentJson, cancellationToken).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public Task<string?> CallFunctionAsync(string script, string functionName, string argumentJson,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(argumentJson);
        cancellationToken.ThrowIfCancellationRequested();
        return NestingScan.Check(script, Options.MaxNesting) is { } tooDeep
            ? Task.FromException<string?>(tooDeep)
            : UseAsync(worker => worker.CallAsync(script, functionName, argumentJson, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The calls are shared out in order among up to <see cref="ScriptOptions.Workers"/> workers, one message each.</remarks>
    public async Task<IReadOnlyList<ScriptOutcome>> CallEachAsync(string script, string functionName, IReadOnlyList<string> arguments,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(arguments);
        cancellationToken.ThrowIfCancellationRequested();
        if (arguments.Count == 0)
        {
            return [];
        }

        if (NestingScan.Check(script, Options.MaxNesting) is { } tooDeep)
        {
            return [.. arguments.Select(_ => new ScriptOutcome(null, tooDeep))];
        }

        var shares = Math.Min(Options.Workers, arguments.Count);
        var size = (arguments.Count + shares - 1) / shares;
        var parts = await Task.WhenAll(arguments.Chunk(size).Select(part => CallEachAsync(script, functionName, part, cancellationToken)))
            .ConfigureAwait(false);
        return [.. parts.SelectMany(part => part)];
    }

    // One worker's share. If the worker is lost, the call that lost it is one of those it had not answered: those run
    // again one by one, so each gets its own outcome (group and transform calls have no effects to repeat).
    private async Task<List<ScriptOutcome>> CallEachAsync(string script, string functionName, string[] part, CancellationToken cancellationToken)
    {
        var (answered, lost) = await UseAsync(worker => worker.CallEachAsync(script, functionName, part, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var outcomes = new List<ScriptOutcome>(answered);
        if (lost is not null && outcomes.Count == part.Length - 1)
        {
            outcomes.Add(new ScriptOutcome(null, lost));
        }

        foreach (var argument in part[outcomes.Count..])
        {
            try
            {
                outcomes.Add(new ScriptOutcome(await CallFunctionAsync(script, functionName, argument, cancellationToken).ConfigureAwait(false), null));
            }
            catch (ScriptException error)
            {
                outcomes.Add(new ScriptOutcome(null, error));
            }
        }

        return outcomes;
    }

    /// <inheritdoc />
    public ScriptException? CheckSyntax(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return NestingScan.Check(script, Options.MaxNesting)
            ?? UseAsync(worker => worker.CheckAsync(script), CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Kills every idle worker; busy ones are killed when their call ends.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var worker))
        {
            worker.Dispose();
        }
    }

    private async Task<T> UseAsync<T>(Func<ScriptWorker, Task<T>> call, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        ScriptWorker? worker = null;
        try
        {
            worker = Take();
            return await call(worker).ConfigureAwait(false);
        }
        finally
        {
            if (worker is not null)
            {
                Return(worker);
            }

            _slots.Release();
        }
    }

    private ScriptWorker Take()
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsUsable)
            {
                return idle;
            }

            idle.Dispose();
        }

        return ScriptWorker.Start(_command, Options, _time);
    }

    private void Return(ScriptWorker worker)
    {
        if (worker.IsUsable && !_disposed && _idle.Count < Options.Workers)
        {
            _idle.Add(worker);
            return;
        }

        var replace = !worker.IsUsable && !_disposed;
        worker.Dispose();
        if (replace)
        {
            // Warm a replacement so the next call does not pay for a start.
            _ = Task.Run(() =>
            {
                try
                {
                    Return(ScriptWorker.Start(_command, Options, _time));
                }
                catch (Exception error) when (error is ScriptException or InvalidOperationException or IOException
                    or System.ComponentModel.Win32Exception)
                {
                    // The next call starts one itself and reports why it cannot.
                }
            });
        }
    }
}
