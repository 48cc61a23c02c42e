namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// MT19937 as CPython's _randommodule.c runs it: the 624-word state lives wherever the caller
/// keeps it (inside a random.Random object on the heap), seeded by Matsumoto and Nishimura's
/// init_by_array, and random() built from two draws as a 53-bit float.
/// </summary>
internal static unsafe class MersenneTwister
{
    public const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    /// <summary>The state after seeding with one word (the first stage of init_by_array).</summary>
    public static void InitGenrand(uint* mt, ref nint index, uint seed)
    {
        mt[0] = seed;
        for (int i = 1; i < N; i++)
        {
            mt[i] = unchecked((1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30))) + (uint)i);
        }
        index = N;
    }

    /// <summary>Seeds from a key of 32-bit words (an int's absolute value, least significant word first).</summary>
    public static void InitByArray(uint* mt, ref nint index, ReadOnlySpan<uint> key)
    {
        InitGenrand(mt, ref index, 19650218u);
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            mt[i] = unchecked((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j);
            i++;
            j++;
            if (i >= N)
            {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.Length)
            {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--)
        {
            mt[i] = unchecked((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint)i);
            i++;
            if (i >= N)
            {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // The most significant bit set makes the state non-zero whatever the key.
        mt[0] = 0x80000000u;
    }

    /// <summary>The next 32 random bits; regenerates all 624 words when they are used up.</summary>
    public static uint Next(uint* mt, ref nint index)
    {
        if (index >= N)
        {
            int kk;
            uint y;
            for (kk = 0; kk < N - M; kk++)
            {
                y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            for (; kk < N - 1; kk++)
            {
                y = (mt[kk] & UpperMask) | (mt[kk + 1] & LowerMask);
                mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            }
            y = (mt[N - 1] & UpperMask) | (mt[0] & LowerMask);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
            index = 0;
        }
        uint v = mt[index++];
        // Tempering.
        v ^= v >> 11;
        v ^= (v << 7) & 0x9d2c5680u;
        v ^= (v << 15) & 0xefc60000u;
        v ^= v >> 18;
        return v;
    }

    /// <summary>A float in [0, 1) from 27 + 26 random bits, as random_random does.</summary>
    public static double NextDouble(uint* mt, ref nint index)
    {
        uint a = Next(mt, ref index) >> 5;
        uint b = Next(mt, ref index) >> 6;
        return ((a * 67108864.0) + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary><c>getrandbits(k)</c> for 0 &lt; k ≤ 64: whole 32-bit draws, the last one shifted down.</summary>
    public static ulong Bits64(uint* mt, ref nint index, int k)
    {
        if (k <= 32)
        {
            return Next(mt, ref index) >> (32 - k);
        }
        ulong low = Next(mt, ref index);
        ulong high = Next(mt, ref index) >> (64 - k);
        return low | (high << 32);
    }
}
