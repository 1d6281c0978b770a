using System.Security.Cryptography;

namespace FlowStudio.Application.Common;

/// <summary>Short, prefixed ids ("src_3f9a1c2b7d4e") so a run's resourceId alone says what it belongs to.</summary>
internal static class ResourceIds
{
    public static string New(string prefix) => $"{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
}
