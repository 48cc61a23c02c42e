using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UnmanagedHeap.Memory;

/// <summary>
/// The shape of a block under <see cref="DebugAllocator"/>, after CPython's debug hooks
/// (<c>PYTHONMALLOC=debug</c>): a header and a guard before the user bytes, a guard after.
/// </summary>
/// <remarks>
/// <code>
///  inner block start
///  | size (8) | serial (8) | 0xFD × 16 | user bytes (size), filled 0xCD / 0xDD | 0xFD × (pad to 16) + 16 |
///                                       ^ user address, 16-byte aligned
/// </code>
/// The header and front guard are 32 bytes, so the user address keeps the inner block's
/// 16-byte alignment. The tail guard also covers the rounding up to 16, so no byte the
/// caller may not write goes unguarded. Size and serial are kept in a table as well: the
/// header copy is what an underflow would hit, and is checked against the table.
/// </remarks>
internal static unsafe class DebugLayout
{
    public const byte CleanByte = 0xCD;      // fresh memory: reading it before writing is a bug
    public const byte DeadByte = 0xDD;       // freed memory: seeing it in an object means use after free
    public const byte ForbiddenByte = 0xFD;  // guards: never to be written

    public const int HeaderBytes = 16;
    public const int FrontGuardBytes = 16;
    public const int Prefix = HeaderBytes + FrontGuardBytes;
    public const int MinTailGuardBytes = 16;

    /// <summary>Inner bytes for a user block of <paramref name="size"/>, or 0 on overflow.</summary>
    public static nuint InnerSize(nuint size)
    {
        if (size > nuint.MaxValue - 64)
            return 0;
        return Prefix + RoundUp16(size) + MinTailGuardBytes;
    }

    public static nuint RoundUp16(nuint size) => (size + 15) & ~(nuint)15;

    public static nuint TailGuardBytes(nuint size) => RoundUp16(size) - size + MinTailGuardBytes;

    public static byte* InnerStart(nint user) => (byte*)user - Prefix;

    /// <summary>Writes header, guards and the clean fill of a fresh block.</summary>
    public static void Format(byte* inner, nuint size, long serial)
    {
        *(ulong*)inner = size;
        *(long*)(inner + 8) = serial;
        byte* user = inner + Prefix;
        NativeMemory.Fill(inner + HeaderBytes, FrontGuardBytes, ForbiddenByte);
        NativeMemory.Fill(user, size, CleanByte);
        NativeMemory.Fill(user + size, TailGuardBytes(size), ForbiddenByte);
    }

    /// <summary>
    /// Offset (from the user address) of the first damaged byte outside the user area, or
    /// null when header and guards are intact. Header damage counts as before the start.
    /// </summary>
    public static nint? FindGuardDamage(nint user, nuint size, long serial)
    {
        byte* inner = InnerStart(user);
        nuint front = FirstNot(inner + HeaderBytes, FrontGuardBytes, ForbiddenByte);
        if (front != nuint.MaxValue)
            return -(nint)(FrontGuardBytes - front);
        if (*(ulong*)inner != size || *(long*)(inner + 8) != serial)
        {
            // Report the header byte nearest the user data that differs.
            for (int i = HeaderBytes - 1; i >= 0; i--)
            {
                byte expected = i < 8 ? (byte)(size >> (8 * i)) : (byte)((ulong)serial >> (8 * (i - 8)));
                if (inner[i] != expected)
                    return i - Prefix;
            }
        }
        nuint tail = FirstNot((byte*)user + size, TailGuardBytes(size), ForbiddenByte);
        if (tail != nuint.MaxValue)
            return (nint)(size + tail);
        return null;
    }

    /// <summary>Offset of the first user byte that is not the dead fill, or null.</summary>
    public static nint? FindDeadFillDamage(nint user, nuint size)
    {
        nuint at = FirstNot((byte*)user, size, DeadByte);
        return at == nuint.MaxValue ? null : (nint)at;
    }

    /// <summary>Rewrites header and guards after damage was reported, so it is reported once.</summary>
    public static void RepairGuards(nint user, nuint size, long serial)
    {
        byte* inner = InnerStart(user);
        *(ulong*)inner = size;
        *(long*)(inner + 8) = serial;
        NativeMemory.Fill(inner + HeaderBytes, FrontGuardBytes, ForbiddenByte);
        NativeMemory.Fill((byte*)user + size, TailGuardBytes(size), ForbiddenByte);
    }

    /// <summary>Index of the first byte in [p, p+length) not equal to <paramref name="expected"/>, or nuint.MaxValue.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nuint FirstNot(byte* p, nuint length, byte expected)
    {
        nuint done = 0;
        while (done < length)
        {
            int chunk = (int)Math.Min(length - done, (nuint)int.MaxValue);
            int at = new ReadOnlySpan<byte>(p + done, chunk).IndexOfAnyExcept(expected);
            if (at >= 0)
                return done + (nuint)at;
            done += (nuint)chunk;
        }
        return nuint.MaxValue;
    }
}
