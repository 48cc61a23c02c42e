namespace PyHeap.Fuzz;

/// <summary>
/// A tiny deterministic generator (SplitMix64). System.Random's seeded sequence is not
/// promised to stay the same across .NET versions; a finding must be regenerable from
/// (seed, index) forever, so the fuzzer owns its generator.
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The generator of mutant <paramref name="index"/> of a campaign with <paramref name="seed"/>.</summary>
    public static SplitMix64 ForMutant(long seed, long index)
    {
        var mix = new SplitMix64((ulong)seed);
        ulong a = mix.Next();
        return new SplitMix64(a ^ (0x9E3779B97F4A7C15UL * ((ulong)index + 1)));
    }

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="bound"/>); <paramref name="bound"/> must be positive.</summary>
    public int Below(int bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be positive");
        }
        return (int)(Next() % (ulong)bound);
    }

    public bool Chance(int percent) => Below(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}
