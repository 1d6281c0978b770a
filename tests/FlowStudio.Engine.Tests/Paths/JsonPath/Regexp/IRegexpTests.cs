using FlowStudio.Engine.Paths.JsonPath.Regexp;

namespace FlowStudio.Engine.Tests.Paths.JsonPath.Regexp;

/// <summary>I-Regexp (RFC 9485) as match() and search() use it: the subset, whole characters, full match vs search.</summary>
public sealed class IRegexpTests
{
    [Theory]
    [InlineData("a.c", "abc", true)]
    [InlineData("a.c", "xabcx", false)]
    [InlineData("a|b", "b", true)]
    [InlineData("(ab)+", "ababab", true)]
    [InlineData("a{2,3}", "aaaa", false)]
    [InlineData("a{2,}", "aaaa", true)]
    [InlineData("a{2}", "aa", true)]
    [InlineData("[a-c]*", "abcabc", true)]
    [InlineData("[^a-c]", "d", true)]
    [InlineData("[^a-c]", "a", false)]
    [InlineData("[-a]", "-", true)]
    [InlineData("[a-]", "-", true)]
    [InlineData(@"\p{L}+", "Ünïcödé", true)]
    [InlineData(@"\p{Lu}", "a", false)]
    [InlineData(@"\P{L}", "1", true)]
    [InlineData(@"[\p{N}x]+", "12x3", true)]
    [InlineData(@"\.\*\+\?\(\)\[\]\{\}\|\\\^\-", @".*+?()[]{}|\^-", true)]
    [InlineData(@"\n\r\t", "\n\r\t", true)]
    [InlineData("", "", true)]
    [InlineData("a$b", "a$b", false)]
    public void IsMatch_FullMatch_MatchesTheWholeString(string pattern, string text, bool expected) =>
        Assert.Equal(expected, IRegexp.IsMatch(pattern, text, fullMatch: true));

    [Theory]
    [InlineData("b", "abc", true)]
    [InlineData("^b", "abc", false)]
    [InlineData("c$", "abc", true)]
    [InlineData("[0-9]", "no digits", false)]
    public void IsMatch_Search_FindsASubstring(string pattern, string text, bool expected) =>
        Assert.Equal(expected, IRegexp.IsMatch(pattern, text, fullMatch: false));

    [Theory]
    [InlineData(".", "𝄞")]
    [InlineData("[𝄀-𝇿]", "𝄞")]
    [InlineData("[^a]", "𝄞")]
    [InlineData(@"\p{So}", "𝄞")]
    [InlineData(@"\p{Lu}", "𝐀")]
    [InlineData("𝄞+", "𝄞𝄞")]
    public void IsMatch_CharactersBeyondTheBmp_CountAsOneCharacter(string pattern, string text) =>
        Assert.True(IRegexp.IsMatch(pattern, text, fullMatch: true));

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    public void IsMatch_Dot_DoesNotMatchLineEnds(string text) => Assert.False(IRegexp.IsMatch(".", text, fullMatch: true));

    [Theory]
    [InlineData(@"\d")]
    [InlineData(@"\w+")]
    [InlineData(@"(a)\1")]
    [InlineData("(?=a)")]
    [InlineData("(?:a)")]
    [InlineData("a{3,2}")]
    [InlineData("a{,2}")]
    [InlineData("*a")]
    [InlineData("a**")]
    [InlineData("[]")]
    [InlineData("[a-b-c]")]
    [InlineData("[b-a]")]
    [InlineData("(a")]
    [InlineData("a)")]
    [InlineData("]")]
    [InlineData("}")]
    [InlineData(@"\p{Xx}")]
    [InlineData(@"\p{Cs}")]
    [InlineData(@"\")]
    public void IsValid_OutsideTheISubset_IsFalse(string pattern)
    {
        Assert.False(IRegexp.IsValid(pattern));
        Assert.False(IRegexp.IsMatch(pattern, "a", fullMatch: false));
    }

    [Fact]
    public void IsValid_NestingBeyondTheLimit_IsFalseNotACrash() =>
        Assert.False(IRegexp.IsValid(new string('(', 10_000) + new string(')', 10_000)));

    [Fact]
    public void IsMatch_BacktrackingBomb_AnswersQuickly()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        var matched = IRegexp.IsMatch("(a+)+b", new string('a', 50_000), fullMatch: true);

        Assert.False(matched);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5));
    }
}
