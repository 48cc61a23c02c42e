namespace UnmanagedHeap.Memory;

/// <summary>
/// An allocator cannot be created on this machine, e.g. mimalloc when its shared library
/// is not installed. The message says what to install.
/// </summary>
public sealed class AllocatorUnavailableException : Exception
{
    public AllocatorUnavailableException(string allocatorName, string message, Exception? inner = null)
        : base(message, inner)
    {
        AllocatorName = allocatorName;
    }

    /// <summary>The allocator that could not be created ("mimalloc", ...).</summary>
    public string AllocatorName { get; }
}
