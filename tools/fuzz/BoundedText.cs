using System.Text;

namespace PyHeap.Fuzz;

/// <summary>
/// Text kept from a child's stderr: the first and the last <see cref="Half"/> characters.
/// A mutant that prints in a loop must not fill the fuzzer's memory, and the two ends are
/// where a traceback's cause and last line are.
/// </summary>
public sealed class BoundedText
{
    public const int Half = 16 * 1024;

    private readonly StringBuilder _head = new();
    private readonly StringBuilder _tail = new();
    private long _dropped;

    public void Append(string text)
    {
        int toHead = Math.Min(text.Length, Half - _head.Length);
        if (toHead > 0)
        {
            _head.Append(text, 0, toHead);
        }
        if (toHead == text.Length)
        {
            return;
        }
        _tail.Append(text, toHead, text.Length - toHead);
        if (_tail.Length > 2 * Half)
        {
            int cut = _tail.Length - Half;
            _dropped += cut;
            _tail.Remove(0, cut);
        }
    }

    public void Clear()
    {
        _head.Clear();
        _tail.Clear();
        _dropped = 0;
    }

    public override string ToString()
    {
        if (_tail.Length > Half)
        {
            _dropped += _tail.Length - Half;
            _tail.Remove(0, _tail.Length - Half);
        }
        return _dropped == 0
            ? _head.ToString() + _tail
            : $"{_head}\n[... {_dropped} characters left out ...]\n{_tail}";
    }
}

/// <summary>A writer into a <see cref="BoundedText"/>, for the worker's in-process runs.</summary>
public sealed class BoundedWriter : TextWriter
{
    public BoundedText Text { get; } = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Text.Append(value.ToString());

    public override void Write(string? value)
    {
        if (value != null)
        {
            Text.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Text.Append(new string(buffer, index, count));
}
