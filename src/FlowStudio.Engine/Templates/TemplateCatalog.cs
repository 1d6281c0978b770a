using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FlowStudio.Engine.Templates;

/// <summary>
/// Every endpoint template, loaded from the <c>templates/</c> directory. A file or template that breaks a rule is
/// left out and described in <see cref="Problems"/>; everything else still loads.
/// </summary>
public sealed class TemplateCatalog
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        MissingMemberHandling = MissingMemberHandling.Error,
        NullValueHandling = NullValueHandling.Ignore,
        // Defaults such as PaginationSpec.None are shared instances: never populate them in place.
        ObjectCreationHandling = ObjectCreationHandling.Replace,
    };

    private readonly Dictionary<string, EndpointTemplate> _byId;

    private TemplateCatalog(IReadOnlyList<EndpointTemplate> all, IReadOnlyList<TemplateProblem> problems)
    {
        All = all;
        Problems = problems;
        _byId = all.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    /// <summary>Every valid template, file by file (files in name order), each file's templates in their own order.</summary>
    public IReadOnlyList<EndpointTemplate> All { get; }

    /// <summary>What was left out and why (file name + reason). Empty when every file is valid.</summary>
    public IReadOnlyList<TemplateProblem> Problems { get; }

    /// <summary>Reads every <c>*.json</c> file in <paramref name="directory"/>.</summary>
    public static TemplateCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new([], [new TemplateProblem(directory, "template directory not found")]);
        }

        var templates = new List<EndpointTemplate>();
        var problems = new List<TemplateProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            var file = Read(path, fileName, problems);
            if (file is null)
            {
                continue;
            }

            foreach (var template in file.Templates)
            {
                // JSON can hold null entries whatever the declared element type says.
                if (template is null)
                {
                    problems.Add(new(fileName, "has an empty (null) entry in 'templates'"));
                    continue;
                }

                var reasons = Validate(template, file.Direction, ids);
                var loaded = template with { Connector = file.Connector, Direction = file.Direction };
                if (reasons.Count == 0)
                {
                    templates.Add(loaded);
                    ids.Add(template.Id);
                }
                else
                {
                    var who = string.IsNullOrWhiteSpace(template.Id) ? $"template '{template.Name}'" : $"template '{template.Id}'";
                    problems.AddRange(reasons.Select(r => new TemplateProblem(fileName, $"{who} {r}")));
                }
            }
        }

        return new(templates, problems);
    }

    /// <summary>The template with this id, or null.</summary>
    public EndpointTemplate? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The templates of one connector and direction ("source" / "destination"), in file order.</summary>
    public IReadOnlyList<EndpointTemplate> For(string connector, string direction) =>
        All.Where(t => string.Equals(t.Connector, connector, StringComparison.OrdinalIgnoreCase)
                       && string.Equals(t.Direction, direction, StringComparison.OrdinalIgnoreCase)).ToList();

    private static TemplateFile? Read(string path, string fileName, List<TemplateProblem> problems)
    {
        TemplateFile? file;
        try
        {
            file = JsonConvert.DeserializeObject<TemplateFile>(File.ReadAllText(path), Settings);
        }
        catch (JsonException ex)
        {
            problems.Add(new(fileName, $"is not a valid template file: {ex.Message}"));
            return null;
        }

        var reason = file switch
        {
            null => "is empty",
            { Connector: var c } when string.IsNullOrWhiteSpace(c) => "has no 'connector'",
            { Direction: not (TemplateDirections.Source or TemplateDirections.Destination) } =>
                $"has direction '{file.Direction}' (expected '{TemplateDirections.Source}' or '{TemplateDirections.Destination}')",
            _ => null,
        };
        if (reason is null)
        {
            return file;
        }

        problems.Add(new(fileName, reason));
        return null;
    }

    private static List<string> Validate(EndpointTemplate template, string direction, HashSet<string> ids)
    {
        var reasons = new List<string>();
        if (string.IsNullOrWhiteSpace(template.Id))
        {
            reasons.Add("has no id");
        }
        else if (ids.Contains(template.Id))
        {
            reasons.Add("has an id already used by another template");
        }

        reasons.AddRange(TemplateValidator.Problems(template, direction));
        return reasons;
    }
}
