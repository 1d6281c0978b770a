namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The seed's one source of randomness (fixed seed) and its time base, so every seed of the same counts is identical.</summary>
internal sealed class SeedRandom(int seed)
{
    private readonly Random _random = new(seed);

    public Random Random => _random;

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public decimal Amount(int min, int max) => Money.Round(_random.Next(min, max) + (_random.Next(100) / 100m));

    /// <summary>An instant between <paramref name="minDays"/> and <paramref name="maxDays"/> days before the seed base, to the millisecond.</summary>
    public DateTimeOffset DaysAgo(int minDays, int maxDays) =>
        Timestamps.SeedBase.AddDays(-minDays).AddMilliseconds(-(long)(_random.NextDouble() * (maxDays - minDays) * 86_400_000L));

    /// <summary>An instant between <paramref name="from"/> and the seed base.</summary>
    public DateTimeOffset After(DateTimeOffset from) =>
        from.AddMilliseconds((long)(_random.NextDouble() * (Timestamps.SeedBase - from).TotalMilliseconds));

    public string Alphanumeric(int length)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[_random.Next(alphabet.Length)]).ToArray());
    }
}
