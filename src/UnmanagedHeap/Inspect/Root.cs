namespace UnmanagedHeap.Inspect;

/// <summary>
/// Something that keeps objects alive from outside the object graph: a module global, a
/// frame's local, the collector's garbage list, the frozen generation. Described as a
/// reader would say it ("global 'nodes' of module __main__").
/// </summary>
public readonly record struct Root(string Description, nint Object);
