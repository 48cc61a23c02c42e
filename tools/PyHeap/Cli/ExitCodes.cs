namespace PyHeap;

/// <summary>pyheap's exit codes, the same for every command (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>A failure: an uncaught Python exception, an allocator that is missing, an unwritable file.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown option, bad value, impossible combination.</summary>
    public const int Usage = 2;

    /// <summary><c>pyheap stress</c> stopped because resident memory crossed <c>--max-rss</c>.</summary>
    public const int MaxRss = 3;
}
