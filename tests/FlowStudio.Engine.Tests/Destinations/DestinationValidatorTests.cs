using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Tests.Templates;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class DestinationValidatorTests
{
    private static DestinationValidator CreateSut() => new(new JintScriptEvaluator());

    private static DestinationConfig Valid() => new()
    {
        Url = "https://api.clientsuccess.com/v2/client/bulk",
        Headers = new Dictionary<string, string> { ["X-Trace"] = "1" },
        ExcludeAttributes = ["internalNote"],
        Batching = new BatchingOptions { Enabled = true, PropertyName = "add", OtherProps = """{"mode":"x"}""" },
    };

    private static IReadOnlyList<FieldError> ErrorsFor(DestinationConfig config) => CreateSut().Validate(config);

    [Fact]
    public void Validate_GoodConfig_HasNoErrors()
    {
        Assert.Empty(ErrorsFor(Valid()));
    }

    [Fact]
    public void Validate_MissingUrlAndBadMethod_NamesBothFields()
    {
        var errors = ErrorsFor(Valid() with { Url = " ", Method = "GET" });

        Assert.Contains(errors, e => e.Field == "url");
        Assert.Contains(errors, e => e.Field == "method");
    }

    [Fact]
    public void Validate_RelativeUrlWithoutSlashAndBadDateMacro_AreUrlErrors()
    {
        Assert.Contains(ErrorsFor(Valid() with { Url = "v2/client" }), e => e.Field == "url");
        Assert.Contains(ErrorsFor(Valid() with { Url = "/v2/client?since={now-}" }), e => e.Field == "url" && e.Message.Contains("{now-}"));
    }

    [Fact]
    public void Validate_BadHeaderName_IsAHeadersError()
    {
        var errors = ErrorsFor(Valid() with { Headers = new Dictionary<string, string> { ["bad header"] = "x" } });

        Assert.Contains(errors, e => e.Field == "headers" && e.Message.Contains("bad header"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Validate_BatchSizeOutOfRange_IsABatchSizeError(int size)
    {
        var errors = ErrorsFor(Valid() with { Batching = Valid().Batching with { BatchSize = size } });

        Assert.Equal("batching.batchSize", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_PropertyGroupingWithoutName_IsAPropertyNameError()
    {
        var errors = ErrorsFor(Valid() with { Batching = Valid().Batching with { PropertyName = "" } });

        Assert.Equal("batching.propertyName", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"a\": ", "is not valid JSON")]
    [InlineData("{\"add\": 1}", "must not contain \"add\"")]
    public void Validate_OtherPropsNotAnObject_IsAnOtherPropsError(string text, string message)
    {
        var errors = ErrorsFor(Valid() with { Batching = Valid().Batching with { OtherProps = text } });

        var error = Assert.Single(errors);
        Assert.Equal("batching.otherProps", error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Validate_OtherPropsAsJsonArray_IsAnOtherPropsError()
    {
        var errors = ErrorsFor(Valid() with { Batching = Valid().Batching with { OtherProps = "[1]" } });

        Assert.Equal("batching.otherProps", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_CodeWithSyntaxError_ReportsLineAndColumn()
    {
        var batching = Valid().Batching with { Algorithm = GroupingAlgorithms.Code, Code = "function group(records) {\n  return {\n    a: ,\n  };\n}" };

        var error = Assert.Single(ErrorsFor(Valid() with { Batching = batching }));

        Assert.Equal("batching.code", error.Field);
        Assert.Equal("Code: SyntaxError at line 3, column 8: Unexpected token ','", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("function grp(records) { return records; }")]
    public void Validate_CodeMissingOrWithoutGroup_IsACodeError(string code)
    {
        var batching = Valid().Batching with { Algorithm = GroupingAlgorithms.Code, Code = code };

        Assert.Equal("batching.code", Assert.Single(ErrorsFor(Valid() with { Batching = batching })).Field);
    }

    [Fact]
    public void Validate_BatchingWithPerRecordUrl_IsABatchingError()
    {
        var errors = ErrorsFor(Valid() with { Url = "/v2/contact/{contact_id}" });

        Assert.Contains(errors, e => e.Field == "batching.enabled" && e.Message.Contains("{contact_id}"));
    }

    [Fact]
    public void Validate_TemplateWithoutRequiredEntityType_IsAParameterError()
    {
        var template = RepositoryTemplates.Catalog.Find("clari.upload-entity-data")!;

        var errors = ErrorsFor(DestinationConfig.FromTemplate(template, new Dictionary<string, string?>()));

        var error = Assert.Single(errors);
        Assert.Equal("parameters.entityType", error.Field);
        Assert.Equal("Entity Type is required.", error.Message);
    }

    [Fact]
    public void Validate_TemplateWithUnknownOptionAndBadBoolean_NamesEachParameter()
    {
        var template = RepositoryTemplates.Catalog.Find("clari.upload-entity-data")!;
        var parameters = new Dictionary<string, string?> { ["entityType"] = "Lead", ["isLastBatch"] = "maybe" };

        var errors = ErrorsFor(DestinationConfig.FromTemplate(template, parameters));

        Assert.Equal(["parameters.entityType", "parameters.isLastBatch"], errors.Select(e => e.Field));
        Assert.Contains("Account, Contact, Opportunity, Activity", errors[0].Message);
    }

    [Fact]
    public void Validate_DeleteTemplateWithoutContactField_AsksForTheField()
    {
        var template = RepositoryTemplates.Catalog.Find("clientsuccess.delete-contact")!;

        var error = Assert.Single(ErrorsFor(DestinationConfig.FromTemplate(template, new Dictionary<string, string?>())));

        Assert.Equal("parameters.contactId", error.Field);
        Assert.Contains("dataset field", error.Message);
    }
}
