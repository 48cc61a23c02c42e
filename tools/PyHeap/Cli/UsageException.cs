namespace PyHeap;

/// <summary>A command line the user got wrong, found after parsing; the message says how (exit 2).</summary>
public sealed class UsageException(string message) : Exception(message);
