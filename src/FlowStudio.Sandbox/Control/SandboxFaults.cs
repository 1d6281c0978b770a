namespace FlowStudio.Sandbox.Control;

/// <summary>The fault plan shared by both simulators; an endpoint filter applies it before any handler runs.</summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private Random _random = new(20261122);

    public FaultSettings Current { get; private set; } = FaultSettings.None;

    public void Set(FaultSettings settings)
    {
        lock (_gate)
        {
            Current = settings;
            _random = new Random(20261122);
        }
    }

    public void Clear() => Set(FaultSettings.None);

    /// <summary>Returns the fault to inject for one request, or null.</summary>
    public InjectedFault? Next()
    {
        lock (_gate)
        {
            var settings = Current;
            if (settings == FaultSettings.None)
            {
                return null;
            }

            var roll = _random.NextDouble();
            if (roll < settings.Rate429)
            {
                return InjectedFault.TooManyRequests;
            }

            roll -= settings.Rate429;
            if (roll < settings.Rate5xx)
            {
                return _random.Next(2) == 0 ? InjectedFault.ServerError : InjectedFault.ServiceUnavailable;
            }

            roll -= settings.Rate5xx;
            return roll < settings.DropRate ? InjectedFault.Drop : null;
        }
    }
}

public enum InjectedFault
{
    TooManyRequests,
    ServerError,
    ServiceUnavailable,
    Drop,
}
