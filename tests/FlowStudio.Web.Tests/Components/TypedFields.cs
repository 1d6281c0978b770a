using Bunit;
using FlowStudio.Web.Components.Shell;
using Microsoft.AspNetCore.Components;

namespace FlowStudio.Web.Tests.Components;

internal static class TypedFields
{
    /// <summary>
    /// The text the <see cref="TypedTextField"/> with input <paramref name="id"/> holds: what was typed into it last, or the
    /// value it was given. Its input's value attribute changes only when a value comes from elsewhere, so what was typed
    /// is read here.
    /// </summary>
    public static string? TypedText<T>(this IRenderedComponent<T> cut, string id)
        where T : class, IComponent =>
        cut.FindComponents<TypedTextField>().Single(f => f.Instance.Id == id).Instance.Value;
}
