namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// fnmatch's shell patterns for tracemalloc.Filter: <c>*</c> any run, <c>?</c> one
/// character, <c>[seq]</c> / <c>[!seq]</c> a set with ranges; case-sensitive, as on POSIX.
/// A trailing <c>.pyc</c> is read as <c>.py</c> on both sides, as tracemalloc does.
/// </summary>
internal static class FileNamePattern
{
    public static bool Matches(string name, string pattern) =>
        Match(Normalize(name), 0, Normalize(pattern), 0);

    private static string Normalize(string s) => s.EndsWith(".pyc", StringComparison.Ordinal) ? s[..^1] : s;

    private static bool Match(string s, int si, string p, int pi)
    {
        // Iterative with one backtrack point for the last '*', like the classic glob matcher.
        int starP = -1, starS = 0;
        while (si < s.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                starP = pi++;
                starS = si;
                continue;
            }
            if (pi < p.Length && MatchOne(s[si], p, ref pi))
            {
                si++;
                continue;
            }
            if (starP < 0)
            {
                return false;
            }
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }
        return pi == p.Length;
    }

    /// <summary>Whether <paramref name="c"/> matches the pattern item at <paramref name="pi"/>; advances past the item when it does.</summary>
    private static bool MatchOne(char c, string p, ref int pi)
    {
        char item = p[pi];
        if (item == '?')
        {
            pi++;
            return true;
        }
        if (item == '[')
        {
            int end = SetEnd(p, pi);
            if (end > 0)
            {
                bool negate = p[pi + 1] == '!';
                int i = pi + (negate ? 2 : 1);
                bool found = false;
                while (i < end)
                {
                    char lo = p[i];
                    if (i + 2 < end && p[i + 1] == '-')
                    {
                        found |= c >= lo && c <= p[i + 2];
                        i += 3;
                    }
                    else
                    {
                        found |= c == lo;
                        i++;
                    }
                }
                if (found != negate)
                {
                    pi = end + 1;
                    return true;
                }
                return false;
            }
        }
        if (item == c)
        {
            pi++;
            return true;
        }
        return false;
    }

    /// <summary>Index of the ']' closing the set that opens at <paramref name="open"/>, or -1 (then '[' is literal).</summary>
    private static int SetEnd(string p, int open)
    {
        int i = open + 1;
        if (i < p.Length && p[i] == '!')
        {
            i++;
        }
        if (i < p.Length && p[i] == ']')
        {
            i++; // a ']' right after the opening is a member
        }
        while (i < p.Length && p[i] != ']')
        {
            i++;
        }
        return i < p.Length ? i : -1;
    }
}
