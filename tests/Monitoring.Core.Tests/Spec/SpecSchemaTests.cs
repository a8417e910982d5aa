using System.Text.RegularExpressions;
using Monitoring.Core.Spec;
using Monitoring.Core.Spec.Validation;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

/// <summary>Keeps the published JSON Schema and the loader in step: same fields, same enums, same patterns.</summary>
public sealed class SpecSchemaTests
{
    private static readonly JObject Schema = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Spec", "Schema", "monitoring.schema.json")));

    public static TheoryData<string, string[]> Levels => new()
    {
        { "$", [.. SpecFields.TopLevel, .. SpecFields.Reserved] },
        { "$.definitions.defaults", [.. SpecFields.Defaults] },
        { "$.definitions.service", [.. SpecFields.Service] },
        { "$.definitions.check", [.. SpecFields.Check] },
        { "$.definitions.tls", [.. SpecFields.Tls] },
        { "$.definitions.checkAlert", [.. SpecFields.CheckAlert] },
        { "$.definitions.maintenance", [.. SpecFields.Maintenance] },
        { "$.definitions.notifications", [.. SpecFields.Notifications] },
        { "$.definitions.channel", [.. SpecFields.ChannelKinds] },
        { "$.definitions.teamsChannel", [.. SpecFields.TeamsChannel] },
        { "$.definitions.webhookChannel", [.. SpecFields.WebhookChannel] },
        { "$.definitions.emailChannel", [.. SpecFields.EmailChannel] },
        { "$.definitions.route", [.. SpecFields.Route] },
        { "$.definitions.routeMatch", [.. SpecFields.RouteMatch] },
        { "$.definitions.escalationLevel", [.. SpecFields.EscalationLevel] },
        { "$.definitions.step", [.. SpecFields.Step] },
        { "$.definitions.request", [.. SpecFields.Request] },
        { "$.definitions.body", [.. SpecFields.Body] },
        { "$.definitions.extraction", [.. SpecFields.Extraction] },
        { "$.definitions.assertion", [.. SpecFields.Assertion] },
        { "$.definitions.operators", [.. SpecFields.AssertionOperators] },
        { "$.definitions.slo", [.. SpecFields.Slo] },
        { "$.definitions.sli", [.. SpecFields.SliKinds] },
        { "$.definitions.availabilitySli", [.. SpecFields.AvailabilitySli] },
        { "$.definitions.latencySli", [.. SpecFields.LatencySli] },
        { "$.definitions.freshnessSli", [.. SpecFields.FreshnessSli] },
        { "$.definitions.kqlSli", [.. SpecFields.KqlSli] },
        { "$.definitions.sloAlerting", [.. SpecFields.SloAlerting] },
        { "$.definitions.windowPair", [.. SpecFields.WindowPair] },
        { "$.definitions.dataCheck", [.. SpecFields.DataCheck] },
        { "$.definitions.dataCheckAlert", [.. SpecFields.CheckAlert] },
        { "$.definitions.dataSource", [.. SpecFields.DataSourceKinds] },
        { "$.definitions.kqlSource", [.. SpecFields.KqlSource] },
        { "$.definitions.tableSource", [.. SpecFields.TableSource] },
        { "$.definitions.blobSource", [.. SpecFields.BlobSource] },
        { "$.definitions.httpSource", [.. SpecFields.HttpSource] },
        { "$.definitions.sqlSource", [.. SpecFields.SqlSource] },
        { "$.definitions.adfSource", [.. SpecFields.AdfSource] },
        { "$.definitions.dataRules", [.. SpecFields.DataRuleKinds] },
        { "$.definitions.freshnessRule", [.. SpecFields.FreshnessRule] },
        { "$.definitions.freshnessDeadline", [.. SpecFields.FreshnessDeadline] },
        { "$.definitions.volumeRule", [.. SpecFields.VolumeRule] },
        { "$.definitions.anomalyRule", [.. SpecFields.AnomalyRule] },
        { "$.definitions.schemaRule", [.. SpecFields.SchemaRule] },
        { "$.definitions.pipelineRule", [.. SpecFields.PipelineRule] },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void SchemaProperties_EqualLoaderFields_AtEveryLevel(string level, string[] loaderFields)
    {
        var properties = (JObject)Schema.SelectToken(level + ".properties")!;

        Assert.Equal(loaderFields.Order(StringComparer.Ordinal), properties.Properties().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.False(Schema.SelectToken(level + ".additionalProperties")!.Value<bool>());
    }

    [Fact]
    public void SchemaObjects_RejectUnknownFields_WhereverTheyListProperties()
    {
        var objects = Schema.DescendantsAndSelf().OfType<JObject>().Where(o => o["properties"] is JObject).ToList();

        Assert.Equal(Levels.Count, objects.Count);
        Assert.All(objects, o => Assert.False(o["additionalProperties"]?.Value<bool>() ?? true, o.Path));
    }

    [Fact]
    public void SchemaEnums_EqualLoaderValues()
    {
        Assert.Equal(SpecFields.Methods, Schema.SelectToken("$.definitions.step.properties.method.enum")!.Values<string>());
        Assert.Equal(SpecFields.AlertSeverities, Schema.SelectToken("$.definitions.checkAlert.properties.severity.enum")!.Values<string>());
        Assert.Equal(SpecFields.Methods, Schema.SelectToken("$.definitions.request.properties.method.enum")!.Values<string>());
        Assert.Equal(SpecFields.Severities, Schema.SelectToken("$.definitions.assertion.properties.severity.enum")!.Values<string>());
        Assert.Equal(MonitoringSpec.CurrentVersion, Schema.SelectToken("$.properties.version.const")!.Value<string>());
        Assert.Equal(SpecFields.SloWindows, Schema.SelectToken("$.definitions.slo.properties.window.enum")!.Values<string>());
        Assert.Equal(SpecFields.Budgetings, Schema.SelectToken("$.definitions.slo.properties.budgeting.enum")!.Values<string>());
        Assert.Equal(SpecFields.PairSeverities, Schema.SelectToken("$.definitions.windowPair.properties.severity.enum")!.Values<string>());
        Assert.Equal(SpecFields.DefaultWindows, Schema.SelectToken("$.definitions.sloAlerting.properties.windows.oneOf[0].const")!.Value<string>());
        Assert.Equal(SpecFields.AssertionTargets, Schema.SelectToken("$.definitions.assertion.oneOf")!.Select(o => o["required"]![0]!.Value<string>()));
        Assert.Equal(SpecFields.AlertSeverities, Schema.SelectToken("$.definitions.dataCheckAlert.properties.severity.enum")!.Values<string>());
        Assert.Equal(SpecFields.SqlProviders, Schema.SelectToken("$.definitions.sqlSource.properties.provider.enum")!.Values<string>());
        Assert.Equal(SpecFields.AnomalyDirections, Schema.SelectToken("$.definitions.anomalyRule.properties.direction.enum")!.Values<string>());
        Assert.Equal(CalendarReader.DayNames, Schema.SelectToken("$.definitions.maintenance.properties.days.items.enum")!.Values<string>());
        Assert.Equal(CalendarReader.DayNames, Schema.SelectToken("$.definitions.freshnessDeadline.properties.days.items.enum")!.Values<string>());
    }

    [Theory]
    [InlineData("freshnessRule")]
    [InlineData("volumeRule")]
    [InlineData("anomalyRule")]
    [InlineData("schemaRule")]
    [InlineData("pipelineRule")]
    public void SchemaRuleSeverities_EqualLoaderValues(string rule)
    {
        Assert.Equal(SpecFields.AlertSeverities, Schema.SelectToken($"$.definitions.{rule}.properties.severity.enum")!.Values<string>());
    }

    [Fact]
    public void SchemaHttpSource_TakesJsonPathsWhereTheLoaderDoes()
    {
        var jsonPathFields = ((JObject)Schema.SelectToken("$.definitions.httpSource.properties")!).Properties()
            .Where(p => p.Value["allOf"]?[0]?["$ref"]?.Value<string>() == "#/definitions/jsonPath")
            .Select(p => p.Name);

        Assert.Equal(SpecFields.HttpJsonPaths, jsonPathFields);
        Assert.Equal("^\\$", Schema.SelectToken("$.definitions.jsonPath.pattern")!.Value<string>());
    }

    [Fact]
    public void SchemaPatterns_EqualLoaderRules()
    {
        Assert.Equal(Durations.Pattern, Schema.SelectToken("$.definitions.duration.pattern")!.Value<string>());
        Assert.Equal(SpecFields.NamePattern, Schema.SelectToken("$.definitions.name.pattern")!.Value<string>());
        Assert.Equal(SpecFields.TableNamePattern, Schema.SelectToken("$.definitions.tableSource.properties.table.pattern")!.Value<string>());
    }

    [Theory]
    [InlineData("checkout", true)]
    [InlineData("add-to-cart", true)]
    [InlineData("step_2", true)]
    [InlineData("2nd", false)]
    [InlineData("-x", false)]
    [InlineData("a.b", false)]
    [InlineData("", false)]
    public void NamePattern_AgreesWithTemplateIdentifiers(string name, bool valid)
    {
        Assert.Equal(valid, Template.IsIdentifier(name));
        Assert.Equal(valid, Regex.IsMatch(name, SpecFields.NamePattern));
    }

    [Fact]
    public void SchemaReservedSections_AreExactlyThoseTheLoaderReserves()
    {
        var documentedAsReserved = ((JObject)Schema["properties"]!).Properties()
            .Where(p => p.Value["description"]?.Value<string>()?.Contains("Reserved for a later version", StringComparison.Ordinal) == true)
            .Select(p => p.Name);

        Assert.Equal(SpecFields.Reserved.Order(StringComparer.Ordinal), documentedAsReserved.Order(StringComparer.Ordinal));
        Assert.Equal(!SpecFields.Reserved.IsEmpty, Schema.SelectToken("$.definitions.reserved") is not null);
    }
}
