using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Syncs;

/// <summary>The HTTP calls one sync pass made, for its run's request count.</summary>
internal sealed class SyncCallCounter
{
    private int _count;

    public int Count => _count;

    public void Add(ApiResponse response) => Interlocked.Add(ref _count, response.Attempts);
}
