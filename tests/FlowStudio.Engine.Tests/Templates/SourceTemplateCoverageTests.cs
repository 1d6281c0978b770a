using System.Reflection;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Tests.Templates;

public sealed class SourceTemplateCoverageTests
{
    private static readonly Type[] LiveTestClasses =
        [typeof(ClientSuccessReadTemplateTests), typeof(ClientSuccessWriteTemplateTests), typeof(ClariSourceTemplateTests), typeof(ZohoSourceTemplateTests)];

    [Fact]
    public void All_SourceTemplates_EachHaveALiveSandboxTest()
    {
        var tests = LiveTestClasses.SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
            .Select(m => m.Name)
            .ToList();

        var untested = RepositoryTemplates.Catalog.All
            .Where(t => t.Direction == TemplateDirections.Source)
            .Select(t => TestPrefix(t.Name))
            .Where(prefix => !tests.Any(test => test.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(untested);
    }

    // "Upsert Batch Contacts (Workato)" is tested by methods named "UpsertBatchContactsWorkato_...".
    private static string TestPrefix(string templateName) =>
        string.Concat(templateName.Split(' ').Select(word => new string(word.Where(char.IsLetterOrDigit).ToArray()))
            .Where(word => word.Length > 0).Select(word => char.ToUpperInvariant(word[0]) + word[1..])) + "_";
}
