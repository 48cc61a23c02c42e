namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// The "Did you mean" search of CPython 3.12 (Python/suggestions.c): a Levenshtein distance
/// where a case-only change costs 1 and any other edit 2, candidates limited in number and
/// length, and a cutoff that grows with the lengths of the two names.
/// </summary>
internal static class Suggestions
{
    private const int MoveCost = 2;
    private const int CaseCost = 1;
    private const int MaxStringSize = 40;
    private const int MaxCandidateItems = 750;

    /// <summary>The closest candidate to <paramref name="name"/> within the cutoff, or null.</summary>
    public static string? Closest(IReadOnlyCollection<string> candidates, string name)
    {
        if (candidates.Count >= MaxCandidateItems)
        {
            return null;
        }
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string item in candidates)
        {
            if (item == name)
            {
                continue;
            }
            // Lengths as CPython measures them: UTF-8 bytes.
            int maxDistance = (Utf8Length(name) + Utf8Length(item) + 3) * MoveCost / 6;
            if (bestDistance - 1 < maxDistance)
            {
                maxDistance = bestDistance - 1;
            }
            int distance = Distance(name, item, maxDistance);
            if (distance > maxDistance)
            {
                continue;
            }
            if (best == null || distance < bestDistance)
            {
                best = item;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int Utf8Length(string s) => System.Text.Encoding.UTF8.GetByteCount(s);

    private static int SubstitutionCost(byte a, byte b)
    {
        if (a == b)
        {
            return 0;
        }
        return ToLower(a) == ToLower(b) ? CaseCost : MoveCost;
    }

    private static byte ToLower(byte c) => c is >= (byte)'A' and <= (byte)'Z' ? (byte)(c + 32) : c;

    /// <summary>Edit distance over the UTF-8 bytes, giving up (returning more than the cap) past <paramref name="maxCost"/>.</summary>
    public static int Distance(string aText, string bText, int maxCost)
    {
        byte[] a = System.Text.Encoding.UTF8.GetBytes(aText);
        byte[] b = System.Text.Encoding.UTF8.GetBytes(bText);
        int aStart = 0, aSize = a.Length, bStart = 0, bSize = b.Length;
        if (aText == bText)
        {
            return 0;
        }
        // Common prefix and suffix cost nothing.
        while (aSize > 0 && bSize > 0 && a[aStart] == b[bStart])
        {
            aStart++;
            bStart++;
            aSize--;
            bSize--;
        }
        while (aSize > 0 && bSize > 0 && a[aStart + aSize - 1] == b[bStart + bSize - 1])
        {
            aSize--;
            bSize--;
        }
        if (aSize == 0 || bSize == 0)
        {
            return (aSize + bSize) * MoveCost;
        }
        if (aSize > MaxStringSize || bSize > MaxStringSize)
        {
            return maxCost + 1;
        }
        // Keep the shorter string in a.
        if (bSize < aSize)
        {
            (a, b) = (b, a);
            (aStart, bStart) = (bStart, aStart);
            (aSize, bSize) = (bSize, aSize);
        }
        // Quick lower bound: the length difference alone.
        if ((bSize - aSize) * MoveCost > maxCost)
        {
            return maxCost + 1;
        }
        var buffer = new int[aSize];
        for (int i = 0; i < aSize; i++)
        {
            buffer[i] = (i + 1) * MoveCost;
        }
        int result = 0;
        for (int bIndex = 0; bIndex < bSize; bIndex++)
        {
            byte code = b[bStart + bIndex];
            // The distance from the empty prefix of a to b[:bIndex+1].
            int distance = result = bIndex * MoveCost;
            int minimum = int.MaxValue;
            for (int index = 0; index < aSize; index++)
            {
                // distance: cost(a[:index], b[:bIndex]) (the diagonal); result: cost(a[:index], b[:bIndex+1]).
                int substitute = distance + SubstitutionCost(code, a[aStart + index]);
                // buffer[index]: distance(a[:index+1], b[:bIndex]).
                distance = buffer[index];
                int insertDelete = Math.Min(result, distance) + MoveCost;
                result = Math.Min(insertDelete, substitute);
                // Now result is distance(a[:index+1], b[:bIndex+1]).
                buffer[index] = result;
                if (result < minimum)
                {
                    minimum = result;
                }
            }
            if (minimum > maxCost)
            {
                // Every continuation costs at least this much.
                return maxCost + 1;
            }
        }
        return result;
    }
}
