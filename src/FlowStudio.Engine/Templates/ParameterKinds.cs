namespace FlowStudio.Engine.Templates;

/// <summary>Where a template parameter goes in the request (<see cref="TemplateParameter.In"/>).</summary>
public static class ParameterLocations
{
    /// <summary>Replaces <c>{name}</c> in the template path.</summary>
    public const string Path = "path";

    /// <summary>Added to the query string.</summary>
    public const string Query = "query";

    /// <summary>Added as a property of the JSON body.</summary>
    public const string Body = "body";

    /// <summary>Sent as a request header.</summary>
    public const string Header = "header";

    /// <summary>Every location a template may use.</summary>
    public static readonly IReadOnlyList<string> All = [Path, Query, Body, Header];
}

/// <summary>What kind of value a template parameter holds (<see cref="TemplateParameter.Type"/>).</summary>
public static class ParameterTypes
{
    /// <summary>Free text.</summary>
    public const string String = "string";

    /// <summary>A whole number; sent as a JSON number in bodies.</summary>
    public const string Integer = "integer";

    /// <summary>A decimal number; sent as a JSON number in bodies.</summary>
    public const string Number = "number";

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public const string Boolean = "boolean";

    /// <summary>One of <see cref="TemplateParameter.Options"/>; the user picks a label, the option's value is sent.</summary>
    public const string Select = "select";

    /// <summary>A JSON document (object or array) inserted as-is.</summary>
    public const string Json = "json";

    /// <summary>Destinations only: the value names a dataset field whose value is used per record.</summary>
    public const string Field = "field";

    /// <summary>Every type a template may use.</summary>
    public static readonly IReadOnlyList<string> All = [String, Integer, Number, Boolean, Select, Json, Field];
}
