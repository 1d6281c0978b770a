namespace FlowStudio.Sandbox.Control;

/// <summary>Faults the simulators inject before any side effect. Rates are probabilities from 0 to 1.</summary>
public sealed record FaultSettings(
    double Rate429 = 0,
    int RetryAfterSeconds = 1,
    double Rate5xx = 0,
    int LatencyMs = 0,
    double DropRate = 0)
{
    public static readonly FaultSettings None = new();

    public string? Validate()
    {
        if (Rate429 is < 0 or > 1 || Rate5xx is < 0 or > 1 || DropRate is < 0 or > 1)
        {
            return "rate429, rate5xx and dropRate must be between 0 and 1.";
        }

        if (Rate429 + Rate5xx + DropRate > 1)
        {
            return "rate429 + rate5xx + dropRate must not exceed 1.";
        }

        if (RetryAfterSeconds < 0 || LatencyMs < 0)
        {
            return "retryAfterSeconds and latencyMs must not be negative.";
        }

        if (LatencyMs > 60_000 || RetryAfterSeconds > 3_600)
        {
            return "latencyMs can be at most 60000 (a minute) and retryAfterSeconds at most 3600 (an hour).";
        }

        return null;
    }
}
