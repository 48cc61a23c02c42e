using System.Runtime.InteropServices;

namespace UnmanagedHeap.Objects;

/// <summary>
/// CPython 3.12's <c>PyNumberMethods</c> (288 bytes: 36 function pointers), what a type's
/// <c>tp_as_number</c> points at. The binary slots take both operands in source order, as
/// CPython's do (the slot of the right operand's type is called with the left operand first),
/// and return a new reference or the NotImplemented singleton. A null slot means the type
/// does not take part in that operation.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyNumberMethods
{
    public delegate*<PyObject*, PyObject*, PyObject*> nb_add;                   // 0
    public delegate*<PyObject*, PyObject*, PyObject*> nb_subtract;              // 8
    public delegate*<PyObject*, PyObject*, PyObject*> nb_multiply;              // 16
    public delegate*<PyObject*, PyObject*, PyObject*> nb_remainder;             // 24
    public delegate*<PyObject*, PyObject*, PyObject*> nb_divmod;                // 32
    public delegate*<PyObject*, PyObject*, PyObject*, PyObject*> nb_power;      // 40
    public delegate*<PyObject*, PyObject*> nb_negative;                         // 48
    public delegate*<PyObject*, PyObject*> nb_positive;                         // 56
    public delegate*<PyObject*, PyObject*> nb_absolute;                         // 64
    /// <summary>Truth value: 1 true, 0 false (CPython's inquiry; errors are exceptions here).</summary>
    public delegate*<PyObject*, int> nb_bool;                                   // 72
    public delegate*<PyObject*, PyObject*> nb_invert;                           // 80
    public delegate*<PyObject*, PyObject*, PyObject*> nb_lshift;                // 88
    public delegate*<PyObject*, PyObject*, PyObject*> nb_rshift;                // 96
    public delegate*<PyObject*, PyObject*, PyObject*> nb_and;                   // 104
    public delegate*<PyObject*, PyObject*, PyObject*> nb_xor;                   // 112
    public delegate*<PyObject*, PyObject*, PyObject*> nb_or;                    // 120
    public delegate*<PyObject*, PyObject*> nb_int;                              // 128
    public nint nb_reserved;                                                    // 136
    public delegate*<PyObject*, PyObject*> nb_float;                            // 144
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_add;           // 152
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_subtract;      // 160
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_multiply;      // 168
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_remainder;     // 176
    public delegate*<PyObject*, PyObject*, PyObject*, PyObject*> nb_inplace_power; // 184
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_lshift;        // 192
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_rshift;        // 200
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_and;           // 208
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_xor;           // 216
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_or;            // 224
    public delegate*<PyObject*, PyObject*, PyObject*> nb_floor_divide;          // 232
    public delegate*<PyObject*, PyObject*, PyObject*> nb_true_divide;           // 240
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_floor_divide;  // 248
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_true_divide;   // 256
    public delegate*<PyObject*, PyObject*> nb_index;                            // 264
    public delegate*<PyObject*, PyObject*, PyObject*> nb_matrix_multiply;       // 272
    public delegate*<PyObject*, PyObject*, PyObject*> nb_inplace_matrix_multiply; // 280
}
