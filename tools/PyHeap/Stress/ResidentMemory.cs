using Microsoft.Win32.SafeHandles;

namespace PyHeap.Stress;

/// <summary>
/// The process's resident set size, read from <c>/proc/self/statm</c> with one open handle
/// and a fixed buffer, so that sampling it allocates nothing. Where there is no procfs
/// (not Linux) it falls back to <see cref="Environment.WorkingSet"/>.
/// </summary>
public sealed class ResidentMemory : IDisposable
{
    private readonly SafeFileHandle? _statm;
    private readonly byte[] _buffer = new byte[128];
    private readonly long _pageSize = Environment.SystemPageSize;

    public ResidentMemory()
    {
        try
        {
            _statm = File.OpenHandle("/proc/self/statm", FileMode.Open, FileAccess.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _statm = null;
        }
    }

    /// <summary>Resident bytes now.</summary>
    public long Read()
    {
        if (_statm == null)
        {
            return Environment.WorkingSet;
        }
        int n = RandomAccess.Read(_statm, _buffer, 0);
        // "size resident shared text lib data dt", in pages: the second field.
        int i = 0;
        while (i < n && _buffer[i] != ' ')
        {
            i++;
        }
        long pages = 0;
        for (i++; i < n && _buffer[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            pages = pages * 10 + (_buffer[i] - '0');
        }
        return pages * _pageSize;
    }

    public void Dispose() => _statm?.Dispose();
}
