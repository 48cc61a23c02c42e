using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using UnmanagedHeap.Memory;

namespace UnmanagedHeap.Bench;

/// <summary>
/// Small-block alloc+free through <see cref="Allocator.Functions"/> — the function-pointer
/// path the object layer takes — for pymalloc, native mimalloc (the baseline of each
/// group) and libc malloc. The goal: pymalloc within 1.3× of mimalloc with 0 B of
/// managed allocation. The batch case holds 1000 blocks at once, so the allocators must
/// carve and recycle rather than bounce one block.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public unsafe class AllocatorBenchmarks
{
    private const int Batch = 1000;

    private Allocator _pymalloc = null!, _mimalloc = null!, _system = null!;
    private AllocatorFunctions _py, _mi, _sys;
    private void** _blocks;

    [GlobalSetup]
    public void Setup()
    {
        _pymalloc = Allocators.Create(AllocatorKind.PyMalloc);
        _mimalloc = Allocators.Create(AllocatorKind.Mimalloc);
        _system = Allocators.Create(AllocatorKind.System);
        _py = _pymalloc.Functions;
        _mi = _mimalloc.Functions;
        _sys = _system.Functions;
        _blocks = (void**)NativeMemory.Alloc(Batch, (nuint)sizeof(void*));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.Free(_blocks);
        _pymalloc.Dispose();
        _mimalloc.Dispose();
        _system.Dispose();
    }

    private static void AllocFree(in AllocatorFunctions f, nuint size) => f.Release(f.Allocate(size));

    private void AllocFreeBatch(in AllocatorFunctions f, nuint size)
    {
        void** blocks = _blocks;
        for (int i = 0; i < Batch; i++)
            blocks[i] = f.Allocate(size);
        for (int i = 0; i < Batch; i++)
            f.Release(blocks[i]);
    }

    [Benchmark, BenchmarkCategory("AllocFree32")] public void PyMalloc32() => AllocFree(_py, 32);
    [Benchmark(Baseline = true), BenchmarkCategory("AllocFree32")] public void Mimalloc32() => AllocFree(_mi, 32);
    [Benchmark, BenchmarkCategory("AllocFree32")] public void System32() => AllocFree(_sys, 32);

    [Benchmark, BenchmarkCategory("AllocFree64")] public void PyMalloc64() => AllocFree(_py, 64);
    [Benchmark(Baseline = true), BenchmarkCategory("AllocFree64")] public void Mimalloc64() => AllocFree(_mi, 64);
    [Benchmark, BenchmarkCategory("AllocFree64")] public void System64() => AllocFree(_sys, 64);

    [Benchmark(OperationsPerInvoke = Batch), BenchmarkCategory("Batch1000x32")] public void PyMallocBatch() => AllocFreeBatch(_py, 32);
    [Benchmark(OperationsPerInvoke = Batch, Baseline = true), BenchmarkCategory("Batch1000x32")] public void MimallocBatch() => AllocFreeBatch(_mi, 32);
    [Benchmark(OperationsPerInvoke = Batch), BenchmarkCategory("Batch1000x32")] public void SystemBatch() => AllocFreeBatch(_sys, 32);
}
