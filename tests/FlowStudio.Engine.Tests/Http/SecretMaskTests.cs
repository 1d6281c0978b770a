using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Tests.Http;

public sealed class SecretMaskTests
{
    private const string Key = "Zq8-kT4/pL2+xW9vR7mN";

    [Theory]
    [InlineData("your key is Zq8-kT4/pL2+xW9vR7mN", "as it is")]
    [InlineData("your key is zq8-kt4/pl2+xw9vr7mn", "lower-cased")]
    [InlineData("your key is ZQ8-KT4/PL2+XW9VR7MN", "upper-cased")]
    [InlineData("key=Zq8-kT4%2FpL2%2BxW9vR7mN", "URL-encoded")]
    [InlineData("{\"k\":\"\\u005a\\u0071\\u0038\\u002d\\u006b\\u0054\\u0034\\u002f\\u0070\\u004c\\u0032\\u002b\\u0078\\u0057\\u0039\\u0076\\u0052\\u0037\\u006d\\u004e\"}", "JSON-escaped")]
    [InlineData("b64 WnE4LWtUNC9wTDIreFc5dlI3bU4=", "base64")]
    [InlineData("prefix Zq8-kT4/pL2+ rest", "as a prefix")]
    [InlineData("suffix W9vR7mN and xW9vR7mN!", "as a suffix")]
    public void Hide_SecretInACommonEncoding_IsMasked(string text, string how)
    {
        var masked = SecretMask.Hide(text, [Key]);

        Assert.True(masked.Contains(SecretMask.Mask, StringComparison.Ordinal), $"not masked {how}: {masked}");
        Assert.DoesNotContain("kT4", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("xW9vR7", masked, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Hide_TextWithoutTheSecret_IsKept()
    {
        Assert.Equal("nothing to see: Zq8 and R7mN", SecretMask.Hide("nothing to see: Zq8 and R7mN", [Key]));
    }
}
