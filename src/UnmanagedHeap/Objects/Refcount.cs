using System.Runtime.CompilerServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// Reference counting as CPython 3.12 does it on 64-bit, immortal objects included
/// (PEP 683): an immortal object's count is <see cref="Immortal"/>, and increments and
/// decrements skip any object whose low 32 bits read as a negative int, so an immortal's
/// count never changes and it is never freed.
/// </summary>
public static unsafe class Refcount
{
    /// <summary>CPython 3.12's <c>_Py_IMMORTAL_REFCNT</c> on 64-bit: UINT_MAX.</summary>
    public static readonly nint Immortal = unchecked((nint)0xFFFFFFFFL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsImmortal(PyObject* op) => (int)op->ob_refcnt < 0;

    /// <summary>Adds a reference (<c>Py_INCREF</c>).</summary>
    /// <remarks>
    /// CPython 3.12 adds to the low 32 bits alone; reading and writing the whole word
    /// instead avoids a partial-store stall when a decref reads it back, and agrees with
    /// CPython for every count below 2^31 — above that both treat the object as immortal.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Incref(PyObject* op)
    {
        nint count = op->ob_refcnt;
        if ((int)count < 0)
        {
            return; // immortal
        }
        op->ob_refcnt = count + 1;
        if (ObjectTrace.Refs)
        {
            ObjectTrace.Event("incref", op);
        }
    }

    /// <summary>Adds a reference unless <paramref name="op"/> is null (<c>Py_XINCREF</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void XIncref(PyObject* op)
    {
        if (op != null)
        {
            Incref(op);
        }
    }

    /// <summary>Drops a reference (<c>Py_DECREF</c>); the last one deallocates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decref(PyObject* op)
    {
        nint count = op->ob_refcnt;
        if ((int)count < 0)
        {
            return; // immortal
        }
        op->ob_refcnt = --count;
        if (ObjectTrace.Refs)
        {
            ObjectTrace.Event("decref", op);
        }
        if (count == 0)
        {
            Dealloc.Run(op);
        }
    }

    /// <summary>Drops a reference unless <paramref name="op"/> is null (<c>Py_XDECREF</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void XDecref(PyObject* op)
    {
        if (op != null)
        {
            Decref(op);
        }
    }

    /// <summary>Replaces <c>*slot</c> with <paramref name="value"/> (stolen) and drops the old value, in CPython's safe order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Assign(PyObject** slot, PyObject* value)
    {
        PyObject* old = *slot;
        *slot = value;
        XDecref(old);
    }

    /// <summary>Clears <c>*slot</c> then drops what it held (<c>Py_CLEAR</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear(PyObject** slot)
    {
        PyObject* old = *slot;
        if (old != null)
        {
            *slot = null;
            Decref(old);
        }
    }

    /// <summary>Makes <paramref name="op"/> immortal (used for singletons at heap creation).</summary>
    public static void MakeImmortal(PyObject* op) => op->ob_refcnt = Immortal;
}
