namespace FlowStudio.Application.Data.Migrations;

/// <summary>
/// Migration SQL lives in embedded .sql files: the EF Core design-time package (and so `dotnet ef migrations add`) is not in
/// the package registry here. A test checks that the scripts build exactly the model's schema.
/// </summary>
internal static class SchemaScript
{
    public static string Read(string fileName)
    {
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream($"FlowStudio.Application.Data.Migrations.{fileName}")
            ?? throw new InvalidOperationException($"The migration script {fileName} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
