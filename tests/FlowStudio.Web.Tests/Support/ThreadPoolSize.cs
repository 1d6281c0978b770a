using System.Runtime.CompilerServices;

namespace FlowStudio.Web.Tests.Support;

/// <summary>
/// The app runs in the test process: component tests that wait for its background work (sample payloads, runs) would
/// otherwise wait for the thread pool to grow one thread at a time on a two-core machine.
/// </summary>
internal static class ThreadPoolSize
{
    [ModuleInitializer]
    internal static void Raise() => ThreadPool.SetMinThreads(Math.Max(32, Environment.ProcessorCount * 8), Math.Max(32, Environment.ProcessorCount * 8));
}
