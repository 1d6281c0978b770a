using FlowStudio.Engine;
using FlowStudio.Engine.Http;

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
        else if (InputLimits.ControlCharacters("name", request.Name) is { } control)
        {
            errors.Add(control);
        }

        var fields = Clean(request.Fields);
        foreach (var (name, value) in fields)
        {
            if (InputLimits.Check($"fields.{name}", value, InputLimits.CredentialField) is { } tooLong)
            {
                errors.Add(tooLong);
            }
            else if (name != "allowedOrigins" && value.Any(char.IsControl))
            {
                // Sent in headers, a line break would start another header. The value is not repeated: it may be a secret.
                errors.Add(new($"fields.{name}", "Remove the line breaks, tabs and other control characters: the value is sent in a request header."));
            }
        }

        if (fields.TryGetValue("headerName", out var headerName) && RequestHeaderParser.ProblemWithName(headerName) is not null)
        {
            errors.Add(new("fields.headerName", "A header name has only letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ (e.g. X-API-Key)."));
        }

        if (fields.TryGetValue("allowedOrigins", out var allowed))
        {
            foreach (var origin in allowed.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(o => !IsOrigin(o)))
            {
                errors.Add(new("fields.allowedOrigins", $"'{Excerpt.Of(origin, 80)}' is not an origin: write each as scheme and host, such as https://files.example.com, separated by commas."));
                break;
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
            else if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !string.IsNullOrEmpty(absolute.UserInfo))
            {
                // The URL is not repeated: what stands before the host is a password.
                errors.Add(new($"fields.{urlField}", "Remove the user name and password before the host: put them in the credential's own fields, which are stored encrypted."));
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

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.UserInfo)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    private static bool IsBaseUrl(string value) =>
        value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query));
}
