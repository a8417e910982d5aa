using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

public sealed class TemplateTests
{
    private static readonly TestEnvironment Environment = new(new Dictionary<string, string> { ["TOKEN"] = "tok-123456" });

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("{{baseUrl}}/api", "https://shop.example.com/api")]
    [InlineData("Bearer ${env:TOKEN}", "Bearer tok-123456")]
    [InlineData("${env:MISSING:-fallback}", "fallback")]
    [InlineData("{{ baseUrl }}", "https://shop.example.com")]
    public void Render_ReplacesReferences_WhenValuesExist(string text, string expected)
    {
        var scope = new TemplateScope(new Dictionary<string, string> { ["baseUrl"] = "https://shop.example.com" }, Environment, new SecretRedactor());

        Assert.Equal(expected, Template.Parse(text).Render(scope));
    }

    [Fact]
    public void Render_RegistersEnvironmentValues_SoTheyAreRedactedLater()
    {
        var redactor = new SecretRedactor();
        var scope = new TemplateScope(new Dictionary<string, string>(), Environment, redactor);

        var rendered = Template.Parse("Bearer ${env:TOKEN}").Render(scope);

        Assert.Equal("Bearer ***", redactor.Redact(rendered));
    }

    [Fact]
    public void Render_NamesTheReferenceButNotAValue_WhenEnvironmentVariableIsMissing()
    {
        var scope = new TemplateScope(new Dictionary<string, string>(), TestEnvironment.Empty, new SecretRedactor());

        var error = Assert.Throws<TemplateRenderException>(() => Template.Parse("${env:SHOP_PASSWORD}").Render(scope));

        Assert.Equal((TemplateRenderFailure.MissingEnvironment, "SHOP_PASSWORD"), (error.Failure, error.Reference));
    }

    [Theory]
    [InlineData("{{open")]
    [InlineData("{{1st}}")]
    [InlineData("${env:TOKEN")]
    [InlineData("${vault:TOKEN}")]
    [InlineData("${env:1TOKEN}")]
    public void TryParse_Refuses_WhenAReferenceIsMalformed(string text)
    {
        Assert.False(Template.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Parse_ListsReferences_InOrderOfFirstUse()
    {
        var template = Template.Parse("{{a}}-${env:X}-{{b}}-{{a}}-${env:Y:-y}");

        Assert.Equal(["a", "b"], template.VariableNames);
        Assert.Equal([new EnvironmentPart("X", null), new EnvironmentPart("Y", "y")], template.EnvironmentReferences);
        Assert.False(template.IsLiteral);
        Assert.True(Template.Parse("no references").IsLiteral);
    }
}
