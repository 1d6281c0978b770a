using FlowStudio.Engine;

namespace FlowStudio.Application.Credentials;

internal static class CredentialValidator
{
    public static List<FieldError> Validate(CreateCredentialRequest request, out ConnectorDefinition? connector)
    {
        connector = ConnectorCatalog.Find(request.Connector);
        if (connector is null)
        {
            return [new("connector", $"'{request.Connector}' is not a connector; use one of {string.Join(", ", ConnectorCatalog.All.Select(c => c.Id))}.")];
        }

        return Validate(request, connector);
    }

    private static List<FieldError> Validate(CreateCredentialRequest request, ConnectorDefinition connector)
    {
        var errors = new List<FieldError>();

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new("name", "A credential needs a name."));
        }
        else if (request.Name.Length > 100)
        {
            errors.Add(new("name", "Use at most 100 characters."));
        }

        var fields = Clean(request.Fields);
        foreach (var (name, value) in fields)
        {
            if (InputLimits.Check($"fields.{name}", value, InputLimits.CredentialField) is { } tooLong)
            {
                errors.Add(tooLong);
            }
        }

        foreach (var name in fields.Keys.Where(n => connector.CredentialFields.All(f => f.Name != n)))
        {
            errors.Add(new($"fields.{name}", $"{connector.Name} credentials have no field '{name}'."));
        }

        foreach (var field in connector.CredentialFields)
        {
            if (field.Required && !fields.ContainsKey(field.Name))
            {
                errors.Add(new($"fields.{field.Name}", $"{field.Label} is required."));
            }

            if (field.Options is { } options && fields.TryGetValue(field.Name, out var value) && !options.Contains(value))
            {
                errors.Add(new($"fields.{field.Name}", $"'{value}' is not one of {string.Join(", ", options)}."));
            }
        }

        foreach (var urlField in (string[])["baseUrl", "accountsUrl"])
        {
            if (fields.TryGetValue(urlField, out var url) && !IsBaseUrl(url))
            {
                errors.Add(new($"fields.{urlField}", "Enter an absolute http(s) URL such as https://api.example.com, or a path on this FlowStudio host starting with /."));
            }
        }

        if (connector.Id == "clientsuccess" && !fields.ContainsKey("apiKey") && !(fields.ContainsKey("username") && fields.ContainsKey("password")))
        {
            errors.Add(new("fields.apiKey", "Enter an API key, or a username and password."));
        }

        return errors;
    }

    public static Dictionary<string, string> Clean(Dictionary<string, string?>? fields) =>
        (fields ?? []).Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!.Trim());

    private static bool IsBaseUrl(string value) =>
        value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query));
}
