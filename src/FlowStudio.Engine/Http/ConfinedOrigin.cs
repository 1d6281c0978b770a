namespace FlowStudio.Engine.Http;

/// <summary>An origin outbound calls may reach only under one path (the app itself: its mounted sandbox under <c>/sandbox/</c>).</summary>
/// <param name="Origin">Scheme, host and port.</param>
/// <param name="PathPrefix">The only path prefix calls to <paramref name="Origin"/> may have.</param>
public sealed record ConfinedOrigin(Uri Origin, string PathPrefix);
