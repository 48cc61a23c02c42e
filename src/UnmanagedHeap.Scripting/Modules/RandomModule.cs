using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>A random.Random object: the Mersenne Twister state inline, as CPython's RandomObject keeps it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyRandomObject
{
    public PyObject ob_base;
    public nint index;
    public nint has_gauss_next;
    public double gauss_next;
    public fixed uint state[MersenneTwister.N];
}

/// <summary>
/// random, natively: random.Random objects hold their generator state on the heap, and the
/// module functions are those of one hidden instance, as Lib/random.py binds them. The
/// algorithms above the generator (randrange, choice, shuffle, sample, choices, the
/// distributions) follow Lib/random.py step for step, so a seeded program draws the same
/// numbers as CPython 3.12.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private PyTypeObject* _randomType;

    private PyObject* CreateRandomModule()
    {
        PyObject* m = NewModule("random");
        _randomType = NativeTypes.Create(this, "random", "Random", sizeof(PyRandomObject), 0);
        _constructors[(nint)_randomType] = (_, a, kw) =>
        {
            CheckKw("Random", kw);
            Arity("Random", a, 0, 1);
            PyObject* r = NewRandom();
            try
            {
                RandomSeed((PyRandomObject*)r, a.Length == 1 ? A(a, 0) : null);
            }
            catch
            {
                Refcount.Decref(r);
                throw;
            }
            return r;
        };
        PyDict.SetItem(((PyModuleObject*)m)->md_dict, Intern("Random"), (PyObject*)_randomType);
        PyObject* inst = NewRandom();
        RandomSeed((PyRandomObject*)inst, null);
        ModuleValue(m, "_inst", inst);
        RandomOperation(m, inst, "seed", (r, a, kw) =>
        {
            CheckKw("seed", kw, "a", "version");
            Arity("seed", a, 0, 2);
            PyObject* version = a.Length == 2 ? A(a, 1) : Kw(kw, "version");
            if (version != null && (!IsInt(version) || ToLong(version) != 2))
            {
                throw ValueErr("this interpreter's random.seed supports only version 2");
            }
            RandomSeed(r, a.Length > 0 ? A(a, 0) : Kw(kw, "a"));
            return None;
        });
        RandomOperation(m, inst, "random", (r, a, kw) =>
        {
            RequireNoArgs("random", a, kw);
            return Float(MersenneTwister.NextDouble(r->state, ref r->index));
        });
        RandomOperation(m, inst, "getrandbits", (r, a, kw) =>
        {
            CheckKw("getrandbits", kw);
            Arity("getrandbits", a, 1, 1);
            long k = ToLong(A(a, 0));
            if (k < 0)
            {
                throw ValueErr("number of bits must be non-negative");
            }
            return Int(RandomBits(r, k));
        });
        RandomOperation(m, inst, "randrange", (r, a, kw) =>
        {
            CheckKw("randrange", kw, "start", "stop", "step");
            Arity("randrange", a, 0, 3);
            PyObject* start = Required(Arg(a, kw, 0, "start"), "Random.randrange() missing 1 required positional argument: 'start'");
            return Int(RandRange(r, start, Arg(a, kw, 1, "stop"), Arg(a, kw, 2, "step")));
        });
        RandomOperation(m, inst, "randint", (r, a, kw) =>
        {
            CheckKw("randint", kw, "a", "b");
            PyObject* lo = Arg(a, kw, 0, "a"), hi = Arg(a, kw, 1, "b");
            if (lo == null || hi == null || a.Length > 2)
            {
                throw TypeErr(a.Length > 2 ? $"Random.randint() takes 3 positional arguments but {a.Length + 1} were given" : "Random.randint() missing 1 required positional argument: 'b'");
            }
            PyObject* stop = Int(RandomIndex(hi) + 1);
            try
            {
                return Int(RandRange(r, lo, stop, null));
            }
            finally
            {
                Refcount.Decref(stop);
            }
        });
        RandomOperation(m, inst, "choice", (r, a, kw) =>
        {
            CheckKw("choice", kw, "seq");
            PyObject* seq = Required(Arg(a, kw, 0, "seq"), "Random.choice() missing 1 required positional argument: 'seq'");
            long n = Length(seq);
            if (n == 0)
            {
                throw Error(IndexError, "Cannot choose from an empty sequence");
            }
            return ItemAt(seq, (long)RandBelow(r, n));
        });
        RandomOperation(m, inst, "shuffle", (r, a, kw) =>
        {
            CheckKw("shuffle", kw, "x");
            PyObject* x = Required(Arg(a, kw, 0, "x"), "Random.shuffle() missing 1 required positional argument: 'x'");
            Shuffle(r, x);
            return None;
        });
        RandomOperation(m, inst, "sample", (r, a, kw) =>
        {
            CheckKw("sample", kw, "population", "k", "counts");
            PyObject* population = Arg(a, kw, 0, "population"), k = Arg(a, kw, 1, "k");
            if (population == null || k == null || a.Length > 2)
            {
                throw TypeErr(a.Length > 2 ? $"Random.sample() takes 3 positional arguments but {a.Length + 1} were given" : "Random.sample() missing 1 required positional argument: 'k'");
            }
            return Sample(r, population, k, Kw(kw, "counts"));
        });
        RandomOperation(m, inst, "choices", (r, a, kw) =>
        {
            CheckKw("choices", kw, "population", "weights", "cum_weights", "k");
            if (a.Length > 2)
            {
                throw TypeErr($"Random.choices() takes from 2 to 3 positional arguments but {a.Length + 1} were given");
            }
            PyObject* population = Required(Arg(a, kw, 0, "population"), "Random.choices() missing 1 required positional argument: 'population'");
            PyObject* k = Kw(kw, "k");
            return Choices(r, population, Arg(a, kw, 1, "weights"), Kw(kw, "cum_weights"), k == null ? 1 : ToLong(k));
        });
        RandomOperation(m, inst, "uniform", (r, a, kw) =>
        {
            CheckKw("uniform", kw, "a", "b");
            double lo = ToDouble(Required(Arg(a, kw, 0, "a"), "Random.uniform() missing 2 required positional arguments: 'a' and 'b'"));
            double hi = ToDouble(Required(Arg(a, kw, 1, "b"), "Random.uniform() missing 1 required positional argument: 'b'"));
            return Float(lo + ((hi - lo) * MersenneTwister.NextDouble(r->state, ref r->index)));
        });
        RandomOperation(m, inst, "triangular", (r, a, kw) =>
        {
            CheckKw("triangular", kw, "low", "high", "mode");
            PyObject* lowObj = Arg(a, kw, 0, "low"), highObj = Arg(a, kw, 1, "high"), mode = Arg(a, kw, 2, "mode");
            double low = lowObj == null ? 0.0 : ToDouble(lowObj), high = highObj == null ? 1.0 : ToDouble(highObj);
            double u = MersenneTwister.NextDouble(r->state, ref r->index);
            if (mode != null && mode != St->none && high == low)
            {
                return Float(low);
            }
            double c = mode == null || mode == St->none ? 0.5 : (ToDouble(mode) - low) / (high - low);
            if (u > c)
            {
                u = 1.0 - u;
                c = 1.0 - c;
                (low, high) = (high, low);
            }
            return Float(low + ((high - low) * Math.Sqrt(u * c)));
        });
        RandomOperation(m, inst, "gauss", (r, a, kw) =>
        {
            var (mu, sigma) = MuSigma("gauss", a, kw);
            double z;
            if (r->has_gauss_next != 0)
            {
                z = r->gauss_next;
                r->has_gauss_next = 0;
            }
            else
            {
                // Box–Muller: two normals from two uniforms; the second is kept for the next call.
                double x2pi = MersenneTwister.NextDouble(r->state, ref r->index) * Math.Tau;
                double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - MersenneTwister.NextDouble(r->state, ref r->index)));
                z = Math.Cos(x2pi) * g2rad;
                r->gauss_next = Math.Sin(x2pi) * g2rad;
                r->has_gauss_next = 1;
            }
            return Float(mu + (z * sigma));
        });
        RandomOperation(m, inst, "normalvariate", (r, a, kw) =>
        {
            var (mu, sigma) = MuSigma("normalvariate", a, kw);
            // Kinderman and Monahan's ratio-of-uniforms method.
            double magic = 4 * Math.Exp(-0.5) / Math.Sqrt(2.0);
            double z;
            while (true)
            {
                double u1 = MersenneTwister.NextDouble(r->state, ref r->index);
                double u2 = 1.0 - MersenneTwister.NextDouble(r->state, ref r->index);
                z = magic * (u1 - 0.5) / u2;
                if (z * z / 4.0 <= -Math.Log(u2))
                {
                    break;
                }
            }
            return Float(mu + (z * sigma));
        });
        RandomOperation(m, inst, "expovariate", (r, a, kw) =>
        {
            CheckKw("expovariate", kw, "lambd");
            Arity("expovariate", a, 0, 1);
            PyObject* l = Arg(a, kw, 0, "lambd");
            double lambd = l == null ? 1.0 : ToDouble(l);
            if (lambd == 0.0)
            {
                throw Error(ZeroDivisionError, "float division by zero");
            }
            return Float(-Math.Log(1.0 - MersenneTwister.NextDouble(r->state, ref r->index)) / lambd);
        });
        RandomOperation(m, inst, "getstate", (r, a, kw) =>
        {
            RequireNoArgs("getstate", a, kw);
            return RandomGetState(r);
        });
        RandomOperation(m, inst, "setstate", (r, a, kw) =>
        {
            CheckKw("setstate", kw);
            Arity("setstate", a, 1, 1);
            RandomSetState(r, A(a, 0));
            return None;
        });
        return m;
    }

    /// <summary>An unseeded Random object (not a GC type: it holds no references).</summary>
    private PyObject* NewRandom() => ObjectMemory.AllocateZeroed(_randomType);

    private delegate PyObject* RandomFn(PyRandomObject* r, nint[] args, KwArgs? kw);

    /// <summary>Registers <paramref name="fn"/> as a Random method and as the module function of the hidden instance.</summary>
    private void RandomOperation(PyObject* module, PyObject* inst, string name, RandomFn fn)
    {
        PyTypeObject* type = _randomType;
        Method(type, name, (self, a, kw) =>
        {
            if (self->ob_type != type)
            {
                throw TypeErr($"descriptor '{name}' for 'Random' objects doesn't apply to a '{TypeName(self)}' object");
            }
            return fn((PyRandomObject*)self, a, kw);
        });
        ModuleFunction(module, name, (_, a, kw) => fn((PyRandomObject*)inst, a, kw));
    }

    /// <summary>Positional argument <paramref name="i"/>, else the keyword <paramref name="name"/>, else null (borrowed).</summary>
    private static PyObject* Arg(nint[] a, KwArgs? kw, int i, string name) => i < a.Length ? A(a, i) : Kw(kw, name);

    /// <summary>A required argument, or the TypeError of a missing one.</summary>
    private PyObject* Required(PyObject* v, string missing) => v != null ? v : throw TypeErr(missing);

    private (double Mu, double Sigma) MuSigma(string func, nint[] a, KwArgs? kw)
    {
        CheckKw(func, kw, "mu", "sigma");
        Arity(func, a, 0, 2);
        PyObject* mu = Arg(a, kw, 0, "mu"), sigma = Arg(a, kw, 1, "sigma");
        return (mu == null ? 0.0 : ToDouble(mu), sigma == null ? 1.0 : ToDouble(sigma));
    }

    /// <summary>Random.seed: None from the OS, an int's absolute value, a float's hash, str and bytes with their SHA-512 appended (version 2).</summary>
    private void RandomSeed(PyRandomObject* r, PyObject* a)
    {
        BigInteger n;
        if (a == null || a == St->none)
        {
            n = new BigInteger(RandomNumberGenerator.GetBytes(MersenneTwister.N * 4), isUnsigned: true);
        }
        else if (IsInt(a))
        {
            n = BigInteger.Abs(PyLong.ToBigInteger(a));
        }
        else if (IsStr(a) || a->ob_type == T.Bytes || a->ob_type == T.ByteArray)
        {
            byte[] text = IsStr(a) ? Encoding.UTF8.GetBytes(PyUnicode.AsString(a)) : BytesDataOrNull(a)!;
            byte[] all = [.. text, .. SHA512.HashData(text)];
            n = new BigInteger(all, isUnsigned: true, isBigEndian: true);
        }
        else if (IsFloat(a))
        {
            n = BigInteger.Abs(new BigInteger((long)Hash(a)));
        }
        else
        {
            throw TypeErr("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        }
        byte[] bytes = n.IsZero ? [0] : n.ToByteArray(isUnsigned: true, isBigEndian: false);
        var key = new uint[(bytes.Length + 3) / 4];
        for (int i = 0; i < bytes.Length; i++)
        {
            key[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        }
        MersenneTwister.InitByArray(r->state, ref r->index, key);
        r->has_gauss_next = 0;
    }

    /// <summary>getrandbits(k): k random bits, 32 per draw, least significant word first.</summary>
    private static BigInteger RandomBits(PyRandomObject* r, long k)
    {
        if (k <= 64)
        {
            return k == 0 ? BigInteger.Zero : new BigInteger(MersenneTwister.Bits64(r->state, ref r->index, (int)k));
        }
        var bytes = new byte[(k + 31) / 32 * 4];
        for (long i = 0, left = k; left > 0; i++, left -= 32)
        {
            uint w = MersenneTwister.Next(r->state, ref r->index);
            if (left < 32)
            {
                w >>= (int)(32 - left);
            }
            BitConverter.TryWriteBytes(bytes.AsSpan((int)(i * 4)), w);
        }
        return new BigInteger(bytes, isUnsigned: true);
    }

    /// <summary>_randbelow_with_getrandbits: k = n.bit_length() bits, redrawn until below n.</summary>
    private static BigInteger RandBelow(PyRandomObject* r, BigInteger n)
    {
        long k = (long)n.GetBitLength();
        if (k <= 64)
        {
            ulong limit = (ulong)n;
            ulong v = MersenneTwister.Bits64(r->state, ref r->index, (int)k);
            while (v >= limit)
            {
                v = MersenneTwister.Bits64(r->state, ref r->index, (int)k);
            }
            return v;
        }
        BigInteger b = RandomBits(r, k);
        while (b >= n)
        {
            b = RandomBits(r, k);
        }
        return b;
    }

    /// <summary>operator.index for randrange's arguments.</summary>
    private BigInteger RandomIndex(PyObject* v)
    {
        if (!IsInt(v))
        {
            throw TypeErr($"'{TypeName(v)}' object cannot be interpreted as an integer");
        }
        return PyLong.ToBigInteger(v);
    }

    private BigInteger RandRange(PyRandomObject* r, PyObject* start, PyObject* stop, PyObject* step)
    {
        BigInteger istart = RandomIndex(start);
        if (stop == null || stop == St->none)
        {
            if (step != null)
            {
                throw TypeErr("Missing a non-None stop argument");
            }
            if (istart > 0)
            {
                return RandBelow(r, istart);
            }
            throw ValueErr("empty range for randrange()");
        }
        BigInteger istop = RandomIndex(stop);
        BigInteger width = istop - istart;
        BigInteger istep = step == null ? BigInteger.One : RandomIndex(step);
        if (istep.IsOne)
        {
            if (width > 0)
            {
                return istart + RandBelow(r, width);
            }
            throw ValueErr($"empty range in randrange({Repr(start)}, {Repr(stop)})");
        }
        BigInteger n;
        if (istep > 0)
        {
            n = Scripting.Types.IntType.FloorDiv(width + istep - 1, istep);
        }
        else if (istep < 0)
        {
            n = Scripting.Types.IntType.FloorDiv(width + istep + 1, istep);
        }
        else
        {
            throw ValueErr("zero step for randrange()");
        }
        if (n <= 0)
        {
            throw ValueErr($"empty range in randrange({Repr(start)}, {Repr(stop)}, {Repr(step!)})");
        }
        return istart + (istep * RandBelow(r, n));
    }

    /// <summary>seq[i] through the subscript protocol (new reference).</summary>
    private PyObject* ItemAt(PyObject* seq, long i)
    {
        PyObject* key = Int(i);
        try
        {
            return GetItem(seq, key);
        }
        finally
        {
            Refcount.Decref(key);
        }
    }

    private void SetItemAt(PyObject* seq, long i, PyObject* value)
    {
        PyObject* key = Int(i);
        try
        {
            SetItem(seq, key, value);
        }
        finally
        {
            Refcount.Decref(key);
        }
    }

    /// <summary>Fisher–Yates from the end, as Random.shuffle: x[i], x[j] = x[j], x[i].</summary>
    private void Shuffle(PyRandomObject* r, PyObject* x)
    {
        for (long i = Length(x) - 1; i >= 1; i--)
        {
            long j = (long)RandBelow(r, i + 1);
            PyObject* xj = ItemAt(x, j);
            PyObject* xi = null;
            try
            {
                xi = ItemAt(x, i);
                SetItemAt(x, i, xj);
                SetItemAt(x, j, xi);
            }
            finally
            {
                Refcount.Decref(xj);
                Refcount.XDecref(xi);
            }
        }
    }

    private bool IsRandomSequence(PyObject* o) =>
        IsList(o) || IsTuple(o) || IsStr(o) || o->ob_type == T.Range || o->ob_type == T.Bytes;

    private PyObject* Sample(PyRandomObject* r, PyObject* population, PyObject* kObj, PyObject* counts)
    {
        if (!IsRandomSequence(population))
        {
            throw TypeErr("Population must be a sequence.  For dicts or sets, use sorted(d).");
        }
        long n = Length(population);
        long k = (long)RandomIndex(kObj);
        if (counts != null && counts != St->none)
        {
            return SampleWithCounts(r, population, n, kObj, counts);
        }
        if (k < 0 || k > n)
        {
            throw ValueErr("Sample larger than population or is negative");
        }
        PyObject* result = PyList.New(St);
        try
        {
            long setsize = 21;
            if (k > 5)
            {
                setsize += (long)Math.Pow(4, Math.Ceiling(Math.Log(k * 3) / Math.Log(4)));
            }
            if (n <= setsize)
            {
                // Draw from a shrinking pool: each pick is replaced by the last unpicked item.
                List<nint> pool = CollectItems(population, unpacking: false);
                try
                {
                    for (long i = 0; i < k; i++)
                    {
                        int j = (int)RandBelow(r, n - i);
                        PyList.Append(result, (PyObject*)pool[j]);
                        (pool[j], pool[(int)(n - i - 1)]) = (pool[(int)(n - i - 1)], pool[j]);
                    }
                }
                finally
                {
                    foreach (nint p in pool)
                    {
                        Refcount.Decref((PyObject*)p);
                    }
                }
            }
            else
            {
                var selected = new HashSet<long>();
                for (long i = 0; i < k; i++)
                {
                    long j = (long)RandBelow(r, n);
                    while (selected.Contains(j))
                    {
                        j = (long)RandBelow(r, n);
                    }
                    selected.Add(j);
                    PyObject* item = ItemAt(population, j);
                    PyList.Append(result, item);
                    Refcount.Decref(item);
                }
            }
            return result;
        }
        catch
        {
            Refcount.Decref(result);
            throw;
        }
    }

    /// <summary>sample(..., counts=): a sample of range(total), each pick mapped back through the running totals.</summary>
    private PyObject* SampleWithCounts(PyRandomObject* r, PyObject* population, long n, PyObject* kObj, PyObject* counts)
    {
        List<nint> cum = RunningTotals(counts);
        try
        {
            if (cum.Count != n)
            {
                throw ValueErr("The number of counts does not match the population");
            }
            PyObject* totalObj = (PyObject*)cum[^1];
            if (!IsInt(totalObj))
            {
                throw TypeErr("Counts must be integers");
            }
            long total = ToLong(totalObj);
            if (total <= 0)
            {
                throw ValueErr("Total of counts must be greater than zero");
            }
            PyObject* range = NewRange(0, total, 1);
            PyObject* picks;
            try
            {
                picks = Sample(r, range, kObj, null);
            }
            finally
            {
                Refcount.Decref(range);
            }
            try
            {
                PyObject* result = PyList.New(St);
                try
                {
                    for (nint i = 0; i < PyList.Size(picks); i++)
                    {
                        int at = BisectRight(cum, (nint)PyList.Items(picks)[i], 0, cum.Count - 1);
                        PyObject* item = ItemAt(population, at);
                        PyList.Append(result, item);
                        Refcount.Decref(item);
                    }
                    return result;
                }
                catch
                {
                    Refcount.Decref(result);
                    throw;
                }
            }
            finally
            {
                Refcount.Decref(picks);
            }
        }
        finally
        {
            foreach (nint c in cum)
            {
                Refcount.Decref((PyObject*)c);
            }
        }
    }

    /// <summary>list(accumulate(values)): the running sums, each a new reference.</summary>
    private List<nint> RunningTotals(PyObject* values)
    {
        List<nint> items = CollectItems(values, unpacking: false);
        for (int i = 1; i < items.Count; i++)
        {
            PyObject* sum = BinaryOp(BinaryOperator.Add, (PyObject*)items[i - 1], (PyObject*)items[i], inplace: false);
            Refcount.Decref((PyObject*)items[i]);
            items[i] = (nint)sum;
        }
        return items;
    }

    /// <summary>bisect_right over borrowed items in [lo, hi): the first position whose item is greater than x.</summary>
    private int BisectRight(List<nint> items, nint x, int lo, int hi)
    {
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            PyObject* less = CompareOp(CompareOperator.Lt, (PyObject*)x, (PyObject*)items[mid]);
            bool isLess = IsTrue(less);
            Refcount.Decref(less);
            if (isLess)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private PyObject* Choices(PyRandomObject* r, PyObject* population, PyObject* weights, PyObject* cumWeights, long k)
    {
        long n = Length(population);
        if (weights == St->none)
        {
            weights = null;
        }
        if (cumWeights == St->none)
        {
            cumWeights = null;
        }
        PyObject* result = PyList.New(St);
        try
        {
            if (cumWeights == null && weights == null)
            {
                double nf = n;
                for (long i = 0; i < k; i++)
                {
                    PyObject* item = ItemAt(population, (long)Math.Floor(MersenneTwister.NextDouble(r->state, ref r->index) * nf));
                    PyList.Append(result, item);
                    Refcount.Decref(item);
                }
                return result;
            }
            if (cumWeights != null && weights != null)
            {
                throw TypeErr("Cannot specify both weights and cumulative weights");
            }
            List<nint> cum = cumWeights != null ? CollectItems(cumWeights, unpacking: false) : RunningTotals(weights);
            try
            {
                if (cum.Count != n)
                {
                    throw ValueErr("The number of weights does not match the population");
                }
                double total = ToDouble((PyObject*)cum[^1]) + 0.0;
                if (total <= 0.0)
                {
                    throw ValueErr("Total of weights must be greater than zero");
                }
                if (!double.IsFinite(total))
                {
                    throw ValueErr("Total of weights must be finite");
                }
                for (long i = 0; i < k; i++)
                {
                    PyObject* x = Float(MersenneTwister.NextDouble(r->state, ref r->index) * total);
                    int at;
                    try
                    {
                        at = BisectRight(cum, (nint)x, 0, (int)n - 1);
                    }
                    finally
                    {
                        Refcount.Decref(x);
                    }
                    PyObject* item = ItemAt(population, at);
                    PyList.Append(result, item);
                    Refcount.Decref(item);
                }
                return result;
            }
            finally
            {
                foreach (nint c in cum)
                {
                    Refcount.Decref((PyObject*)c);
                }
            }
        }
        catch
        {
            Refcount.Decref(result);
            throw;
        }
    }

    /// <summary>getstate(): (3, the 624 words and the index as a tuple of ints, gauss_next or None), as Random.getstate.</summary>
    private PyObject* RandomGetState(PyRandomObject* r)
    {
        var words = new nint[MersenneTwister.N + 1];
        for (int i = 0; i < MersenneTwister.N; i++)
        {
            words[i] = (nint)Int(r->state[i]);
        }
        words[MersenneTwister.N] = (nint)Int(r->index);
        PyObject* inner = TupleSteal((ReadOnlySpan<nint>)words);
        PyObject* gauss = r->has_gauss_next != 0 ? Float(r->gauss_next) : None;
        return TupleSteal((ReadOnlySpan<nint>)[(nint)Int(3), (nint)inner, (nint)gauss]);
    }

    private void RandomSetState(PyRandomObject* r, PyObject* state)
    {
        if (!IsTuple(state) || PyTuple.Size(state) != 3 || !IsTuple(PyTuple.Items(state)[1]) || PyTuple.Size(PyTuple.Items(state)[1]) != MersenneTwister.N + 1)
        {
            throw ValueErr("state vector is the wrong size");
        }
        PyObject* version = PyTuple.Items(state)[0];
        if (!IsInt(version) || ToLong(version) != 3)
        {
            throw ValueErr($"state with version {Repr(version)} passed to Random.setstate() of version 3");
        }
        PyObject* inner = PyTuple.Items(state)[1];
        long index = ToLong(PyTuple.Items(inner)[MersenneTwister.N]);
        if (index < 0 || index > MersenneTwister.N)
        {
            throw ValueErr("invalid state");
        }
        var words = new uint[MersenneTwister.N];
        for (int i = 0; i < MersenneTwister.N; i++)
        {
            words[i] = (uint)(PyLong.ToBigInteger(PyTuple.Items(inner)[i]) & uint.MaxValue);
        }
        for (int i = 0; i < MersenneTwister.N; i++)
        {
            r->state[i] = words[i];
        }
        r->index = (nint)index;
        PyObject* gauss = PyTuple.Items(state)[2];
        r->has_gauss_next = gauss == St->none ? 0 : 1;
        r->gauss_next = gauss == St->none ? 0 : ToDouble(gauss);
    }
}
