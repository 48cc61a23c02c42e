namespace UnmanagedHeap.Inspect;

/// <summary>
/// One reference from an object to another, as a reader names it: the attribute, the index,
/// the dict key (<c>['name']</c>) or <c>key</c> for the key object itself. A weak reference
/// (a weakref's referent) is marked so graphs can draw it dashed; it does not keep its
/// target alive.
/// </summary>
public readonly record struct Reference(nint From, nint To, string Label, bool Weak = false);
