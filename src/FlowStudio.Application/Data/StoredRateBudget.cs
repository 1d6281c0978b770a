namespace FlowStudio.Application.Data;

/// <summary>
/// The request budget of one credential, shared by every instance on the database: the UTC microsecond (since the Unix
/// epoch) at which its next request is free. Taken from only by <see cref="RateBudgetStore"/>'s one atomic statement.
/// </summary>
internal sealed class StoredRateBudget
{
    /// <summary>The credential's id.</summary>
    public required string Key { get; init; }

    public long NextFreeUs { get; set; }

    public DateTime UpdatedAt { get; set; }
}
