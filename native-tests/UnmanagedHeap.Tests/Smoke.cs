namespace UnmanagedHeap.Tests;
public class SmokeTests { [Test] public void Adds() => Assert.That(1 + 1, Is.EqualTo(2)); }
