namespace PyHeap.Fuzz;

/// <summary>Runs one mutant file and classifies the run. One instance serves one thread.</summary>
public interface IMutantRunner : IDisposable
{
    Outcome Run(string file);
}
