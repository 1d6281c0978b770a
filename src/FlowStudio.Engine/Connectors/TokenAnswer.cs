using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Connectors;

/// <summary>A sign-in's outcome: the access token and how long it lives, or no token and the response to report.</summary>
internal sealed record TokenAnswer(string? Token, TimeSpan Lifetime, ApiResponse Response);
