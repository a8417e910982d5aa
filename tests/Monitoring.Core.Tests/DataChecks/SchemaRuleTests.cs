using System.Collections.Immutable;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.DataChecks.DataCheckFixtures;

namespace Monitoring.Core.Tests.DataChecks;

public sealed class SchemaRuleTests
{
    private static readonly DateTimeOffset Now = Utc("2026-11-23T10:00:00Z");

    private static readonly ImmutableArray<SchemaColumn> Baseline =
        [new("OrderId", "string"), new("Amount", "decimal"), new("Currency", "string"), new("PlacedAt", "datetime")];

    [Fact]
    public void Evaluate_RecordsTheFirstSchema_AsTheBaseline()
    {
        var evaluation = Evaluate(Check(Rules(schema: new SchemaRuleSpec(false, null))), Now, DataObservation.Empty with { Schema = Baseline });

        var result = evaluation.Find(DataRuleKinds.Schema)!;
        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal("Baseline recorded: 4 columns.", result.Summary);
        Assert.Equal(Baseline, evaluation.ObservedSchema);
    }

    [Fact]
    public void Evaluate_PassesAnUnchangedSchema_WhateverTheCaseOfNamesAndTypes()
    {
        var observed = Baseline.Select(c => new SchemaColumn(c.Name.ToUpperInvariant(), c.Type.ToUpperInvariant())).ToImmutableArray();

        var result = Schema(false, observed);

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal("orders matches its baseline of 4 columns.", result.Summary);
        Assert.Equal("the baseline's 4 columns", result.Expected);
    }

    [Fact]
    public void Evaluate_FailsOnARemovedColumn()
    {
        var result = Schema(false, Baseline.RemoveAt(2));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("orders schema drift: column Currency removed.", result.Summary);
        Assert.Equal(["Currency"], Detail<ImmutableArray<string>>(result, "removed"));
        Assert.Empty(Detail<ImmutableArray<string>>(result, "added"));
        Assert.Empty(Detail<ImmutableArray<object?>>(result, "changed"));
    }

    [Fact]
    public void Evaluate_FailsOnAChangedType_AndNamesBothTypes()
    {
        var result = Schema(false, Baseline.SetItem(1, new SchemaColumn("Amount", "string")));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("orders schema drift: column Amount changed type from decimal to string.", result.Summary);
        var changed = (ImmutableDictionary<string, object?>)Assert.Single(Detail<ImmutableArray<object?>>(result, "changed"))!;
        Assert.Equal(("Amount", "decimal", "string"), ((string)changed["name"]!, (string)changed["from"]!, (string)changed["to"]!));
    }

    [Theory]
    // Added columns are drift unless the rule ignores them.
    [InlineData(false, CheckOutcome.Failed, "orders schema drift: columns Channel, Coupon added.")]
    [InlineData(true, CheckOutcome.Healthy, "orders matches its baseline of 4 columns (columns Channel, Coupon added, allowed).")]
    public void Evaluate_JudgesAddedColumns_AsTheRuleSays(bool ignoreAdded, CheckOutcome outcome, string summary)
    {
        var result = Schema(ignoreAdded, Baseline.Add(new SchemaColumn("Channel", "string")).Add(new SchemaColumn("Coupon", "string")));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(summary, result.Summary);
        Assert.Equal(ignoreAdded ? [] : ["Channel", "Coupon"], Detail<ImmutableArray<string>>(result, "added"));
    }

    [Fact]
    public void Evaluate_StillFailsOnRemovals_WhenAddedColumnsAreIgnored()
    {
        var observed = Baseline.RemoveAt(0).Add(new SchemaColumn("Id", "string"));

        var result = Schema(true, observed);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("orders schema drift: column OrderId removed.", result.Summary);
        Assert.Equal(["Id"], Detail<ImmutableArray<string>>(result, "ignoredAdded"));
        Assert.Equal("the baseline's 4 columns (new columns allowed)", result.Expected);
    }

    [Fact]
    public void Evaluate_ListsEveryKindOfDrift_InOneSummary()
    {
        ImmutableArray<SchemaColumn> observed = [new("OrderId", "long"), new("Amount", "decimal"), new("PlacedAt", "datetime"), new("Note", "string")];

        var result = Schema(false, observed);

        Assert.Equal("orders schema drift: column Currency removed; column OrderId changed type from string to long; column Note added.", result.Summary);
    }

    [Fact]
    public void Evaluate_FailsWhenTheSourceAnsweredNoSchema()
    {
        var evaluation = Evaluate(Check(Rules(schema: new SchemaRuleSpec(false, null))), Now, DataObservation.Empty, Baseline);

        var result = evaluation.Find(DataRuleKinds.Schema)!;
        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("The source answered no schema.", result.Summary);
        Assert.True(evaluation.ObservedSchema.IsDefault);
    }

    [Fact]
    public void Evaluate_ComparesWithAnEmptyBaseline_AsAStoredOne()
    {
        var result = Schema(false, Baseline, []);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal(4, Detail<ImmutableArray<string>>(result, "added").Length);
    }

    private static DataRuleResult Schema(bool ignoreAdded, ImmutableArray<SchemaColumn> observed, ImmutableArray<SchemaColumn>? baseline = null) =>
        Evaluate(Check(Rules(schema: new SchemaRuleSpec(ignoreAdded, null))), Now, DataObservation.Empty with { Schema = observed }, baseline ?? Baseline)
            .Find(DataRuleKinds.Schema)!;
}
