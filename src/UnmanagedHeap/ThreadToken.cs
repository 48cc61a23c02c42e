using System.Runtime.CompilerServices;

namespace UnmanagedHeap;

/// <summary>
/// A small number unique to each thread, read from a thread-static field: the heap's
/// owner check runs on every API call, and this is several times cheaper than asking the
/// runtime for the managed thread id.
/// </summary>
internal static class ThreadToken
{
    [ThreadStatic]
    private static int t_token;
    private static int s_last;

    public static int Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            int token = t_token;
            return token != 0 ? token : Assign();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Assign() => t_token = Interlocked.Increment(ref s_last);
}
