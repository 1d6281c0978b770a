using System.Reflection;
using FlowStudio.Engine.Sources;

namespace FlowStudio.Engine.Tests;

public sealed class PublicSurfaceTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The engine keeps Newtonsoft to itself: the host sees JSON text and System.Text.Json nodes.</summary>
    [Fact]
    public void EngineAssembly_PublicMembers_UseNoNewtonsoftType()
    {
        var newtonsoft = typeof(Newtonsoft.Json.Linq.JToken).Assembly;
        var leaks = new List<string>();
        foreach (var type in typeof(SourceRecord).Assembly.GetExportedTypes())
        {
            foreach (var (where, used) in Signature(type))
            {
                if (Expand(used).Any(t => t.Assembly == newtonsoft))
                {
                    leaks.Add($"{type.FullName}.{where}: {used}");
                }
            }
        }

        Assert.Empty(leaks);
    }

    private static IEnumerable<(string Where, Type Used)> Signature(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return ("base type", baseType);
        }

        foreach (var contract in type.GetInterfaces())
        {
            yield return ("interface", contract);
        }

        foreach (var member in type.GetMembers(Declared).Where(Visible))
        {
            switch (member)
            {
                case FieldInfo field:
                    yield return (field.Name, field.FieldType);
                    break;
                case PropertyInfo property:
                    yield return (property.Name, property.PropertyType);
                    break;
                case MethodBase method:
                    foreach (var parameter in method.GetParameters())
                    {
                        yield return ($"{method.Name}({parameter.Name})", parameter.ParameterType);
                    }

                    if (method is MethodInfo { ReturnType: var returned })
                    {
                        yield return ($"{method.Name} returns", returned);
                    }

                    break;
                case EventInfo handler when handler.EventHandlerType is { } eventType:
                    yield return (handler.Name, eventType);
                    break;
            }
        }
    }

    private static bool Visible(MemberInfo member) => member switch
    {
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => Visible(a)),
        EventInfo e => e.AddMethod is { } add && Visible(add),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem,
        _ => false,
    };

    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        var inner = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var part in inner.SelectMany(Expand))
        {
            yield return part;
        }
    }
}
