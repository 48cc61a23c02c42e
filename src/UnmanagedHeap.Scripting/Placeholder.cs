namespace UnmanagedHeap.Scripting; internal static class Placeholder {}
