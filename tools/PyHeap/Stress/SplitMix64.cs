namespace PyHeap.Stress;

/// <summary>
/// A small seeded random generator (Steele, Lea and Flood's SplitMix64): the same --seed gives
/// the same shapes on every machine and .NET version, and drawing allocates nothing.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number from 0 to <paramref name="bound"/> - 1.</summary>
    public int Below(int bound) => (int)((Next() >> 33) % (ulong)bound);

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Percent(int percent) => percent >= 100 || (percent > 0 && Below(100) < percent);
}
