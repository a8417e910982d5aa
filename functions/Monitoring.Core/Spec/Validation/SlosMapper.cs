using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps the <c>slos</c> list: each SLO, names unique across them, and the checks and services they name.</summary>
internal static class SlosMapper
{
    /// <summary>The SLOs that are valid, in spec order.</summary>
    /// <param name="slos">The list, or null when the spec has none.</param>
    /// <param name="errors">Where errors go.</param>
    /// <param name="references">The services, checks and data checks an SLO may name.</param>
    public static ImmutableArray<SloSpec> Map(SpecSequence? slos, SpecErrorList errors, SloReferences references)
    {
        if (slos is null)
        {
            return [];
        }

        var path = SpecPath.Root.Field("slos");
        var result = ImmutableArray.CreateBuilder<SloSpec>(slos.Items.Length);
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < slos.Items.Length; i++)
        {
            var nameNode = (slos.Items[i] as SpecMapping)?.Find("name")?.Value as SpecScalar;
            var name = nameNode is { Kind: not ScalarKind.Null } ? nameNode.Text : null;
            var sloPath = path.Item(i, name);
            if (name is not null && !firstByName.TryAdd(name, i))
            {
                errors.Add(sloPath.Field("name"), nameNode, $"duplicate SLO name '{name}': {path.Item(firstByName[name], name)} already uses it");
            }

            if (MapOne(slos.Items[i], sloPath, errors, references) is { } slo)
            {
                result.Add(slo);
            }
        }

        return result.ToImmutable();
    }

    private static SloSpec? MapOne(SpecNode node, SpecPath path, SpecErrorList errors, SloReferences references)
    {
        if (MappingReader.Open(node, path, errors, SpecFields.Slo) is not { } slo)
        {
            return null;
        }

        var name = slo.Name("name");
        if (!slo.Has("name"))
        {
            slo.ReportMissing("name");
        }

        var service = slo.Text("service");
        if (service is not null && !references.Services.Contains(service))
        {
            errors.Add(slo.PathOf("service"), slo.Node("service"), $"service '{service}' is not declared under services ({Known(references.Services)})");
            service = null;
        }

        var objective = Objective(slo);
        var period = Period(slo);
        var sli = slo.Node("sli") is { } sliNode ? Sli(sliNode, slo.PathOf("sli"), errors, references) : null;
        if (!slo.Has("sli"))
        {
            slo.ReportMissing("sli");
        }

        var budgeting = Budgeting(slo, sli);
        var alerting = Alerting(slo, period ?? TimeSpan.FromDays(30));
        return name is null || objective is null || period is null || sli is null || budgeting is null || alerting is null
            ? null
            : new SloSpec(name, service, slo.Text("description"), objective.Value, period.Value, budgeting.Value, sli, alerting);
    }

    private static double? Objective(MappingReader slo)
    {
        if (!slo.Has("objective"))
        {
            slo.ReportMissing("objective");
            return null;
        }

        var objective = slo.Number("objective");
        if (objective is { } value && !(value > 0 && value < 100))
        {
            slo.Errors.Add(slo.PathOf("objective"), slo.Node("objective"), string.Create(CultureInfo.InvariantCulture, $"must be greater than 0 and less than 100 (a percentage), not {value}"));
            return null;
        }

        return objective;
    }

    private static TimeSpan? Period(MappingReader slo)
    {
        if (slo.Node("window") is not { } node)
        {
            return TimeSpan.FromDays(30);
        }

        var text = ValueReader.Text(node, slo.PathOf("window"), slo.Errors);
        if (text is null)
        {
            return null;
        }

        if (!SpecFields.SloWindows.Contains(text, StringComparer.Ordinal) || !Durations.TryParse(text, out var period))
        {
            slo.Errors.Add(slo.PathOf("window"), node, $"'{text}' is not an SLO window: use {string.Join(", ", SpecFields.SloWindows)}");
            return null;
        }

        return period;
    }

    private static SloBudgeting? Budgeting(MappingReader slo, SliSpec? sli)
    {
        var text = slo.Text("budgeting");
        if (text is null)
        {
            // Freshness is a property of a minute, not of an event, so it is budgeted by time slices.
            return slo.Has("budgeting") ? null : sli is FreshnessSli ? SloBudgeting.Timeslices : SloBudgeting.Occurrences;
        }

        if (!SpecFields.Budgetings.Contains(text, StringComparer.Ordinal))
        {
            slo.Errors.Add(slo.PathOf("budgeting"), slo.Node("budgeting"), $"'{text}' is not a budgeting method: use occurrences or timeslices");
            return null;
        }

        var budgeting = text == "timeslices" ? SloBudgeting.Timeslices : SloBudgeting.Occurrences;
        if (sli is FreshnessSli && budgeting == SloBudgeting.Occurrences)
        {
            slo.Errors.Add(slo.PathOf("budgeting"), slo.Node("budgeting"), "a freshness SLI is budgeted by timeslices (a minute is good when the data is fresh); remove budgeting or use timeslices");
            return null;
        }

        return budgeting;
    }

    private static SliSpec? Sli(SpecNode node, SpecPath path, SpecErrorList errors, SloReferences references)
    {
        if (MappingReader.Open(node, path, errors, SpecFields.SliKinds) is not { } sli)
        {
            return null;
        }

        var kinds = SpecFields.SliKinds.Where(sli.Has).ToList();
        if (kinds.Count != 1)
        {
            var found = kinds.Count == 0 ? "none" : string.Join(" and ", kinds);
            errors.Add(path, node, $"needs exactly one SLI kind of availability, latency, freshness or kql, but has {found}");
        }

        // Every kind present is still checked, so all its errors show up in one pass.
        var mapped = kinds.Select(SliSpec? (kind) => kind switch
        {
            "availability" => Availability(sli, references.Checks),
            "latency" => Latency(sli, references.Checks),
            "freshness" => Freshness(sli, references),
            _ => Kql(sli),
        }).ToList();
        return kinds.Count == 1 ? mapped[0] : null;
    }

    private static AvailabilitySli? Availability(MappingReader sli, ImmutableHashSet<string> declaredChecks)
    {
        if (sli.Section("availability", SpecFields.AvailabilitySli) is not { } section)
        {
            return null;
        }

        var check = Check(section, declaredChecks);
        return check is null ? null : new AvailabilitySli(check);
    }

    private static LatencySli? Latency(MappingReader sli, ImmutableHashSet<string> declaredChecks)
    {
        if (sli.Section("latency", SpecFields.LatencySli) is not { } section)
        {
            return null;
        }

        var check = Check(section, declaredChecks);
        var threshold = section.Duration("threshold");
        if (!section.Has("threshold"))
        {
            section.ReportMissing("threshold");
        }

        var degradedIsBad = section.Bool("degradedIsBad") ?? false;
        return check is null || threshold is null ? null : new LatencySli(check, threshold.Value, degradedIsBad);
    }

    private static FreshnessSli? Freshness(MappingReader sli, SloReferences references)
    {
        if (sli.Section("freshness", SpecFields.FreshnessSli) is not { } section)
        {
            return null;
        }

        var dataCheck = section.Name("dataCheck");
        if (!section.Has("dataCheck"))
        {
            section.ReportMissing("dataCheck");
        }

        if (dataCheck is not null && !references.DataChecks.Contains(dataCheck))
        {
            section.Errors.Add(section.PathOf("dataCheck"), section.Node("dataCheck"), $"data check '{dataCheck}' is not declared under dataChecks ({Known(references.DataChecks)})");
            return null;
        }

        if (dataCheck is not null && !references.DataChecksWithFreshness.Contains(dataCheck))
        {
            section.Errors.Add(section.PathOf("dataCheck"), section.Node("dataCheck"), $"data check '{dataCheck}' has no freshness rule: a freshness SLI counts the minutes in which that rule passes, so add rules.freshness to it");
            return null;
        }

        return dataCheck is null ? null : new FreshnessSli(dataCheck);
    }

    private static KqlSli? Kql(MappingReader sli)
    {
        if (sli.Section("kql", SpecFields.KqlSli) is not { } section)
        {
            return null;
        }

        var good = DefaultsMapper.NonEmpty(section, "good");
        var total = DefaultsMapper.NonEmpty(section, "total");
        foreach (var field in SpecFields.KqlSli.Where(f => !section.Has(f)))
        {
            section.ReportMissing(field);
        }

        return good is null || total is null ? null : new KqlSli(good, total);
    }

    private static string? Check(MappingReader section, ImmutableHashSet<string> declaredChecks)
    {
        var check = section.Text("check");
        if (!section.Has("check"))
        {
            section.ReportMissing("check");
            return null;
        }

        if (check is not null && !declaredChecks.Contains(check))
        {
            var known = declaredChecks.IsEmpty ? "none are declared" : "declared: " + string.Join(", ", declaredChecks.Order(StringComparer.Ordinal));
            section.Errors.Add(section.PathOf("check"), section.Node("check"), $"check '{check}' is not declared under checks ({known})");
            return null;
        }

        return check;
    }

    private static SloAlertingSpec? Alerting(MappingReader slo, TimeSpan period)
    {
        var defaults = new SloAlertingSpec(BurnRateWindows.ForPeriod(period), SloAlertingSpec.DefaultMinBadEvents, CustomWindows: false);
        if (!slo.Has("alerting"))
        {
            return defaults;
        }

        if (slo.Section("alerting", SpecFields.SloAlerting) is not { } alerting)
        {
            return null;
        }

        var minBadEvents = alerting.Integer("minBadEvents", 1, 1000);
        if (alerting.Has("minBadEvents") && minBadEvents is null)
        {
            return null;
        }

        var windows = alerting.Node("windows") switch
        {
            null => defaults.Windows,
            SpecScalar { Text: SpecFields.DefaultWindows } => defaults.Windows,
            SpecSequence list => CustomPairs(list, alerting.PathOf("windows"), alerting.Errors, period),
            var other => Reject(alerting, other),
        };
        return windows is null ? null : new SloAlertingSpec(windows.Value, minBadEvents ?? defaults.MinBadEvents, alerting.Node("windows") is SpecSequence);
    }

    private static ImmutableArray<BurnRateWindowPair>? Reject(MappingReader alerting, SpecNode node)
    {
        alerting.Errors.Add(alerting.PathOf("windows"), node, $"{ValueReader.Show(node)} is not a window set: use default or a list of pairs with severity, longWindow, shortWindow and factor");
        return null;
    }

    private static ImmutableArray<BurnRateWindowPair>? CustomPairs(SpecSequence list, SpecPath path, SpecErrorList errors, TimeSpan period)
    {
        if (list.Items.Length == 0)
        {
            errors.Add(path, list, "must list at least one pair, or say default");
            return null;
        }

        var pairs = ImmutableArray.CreateBuilder<BurnRateWindowPair>();
        var valid = true;
        for (var i = 0; i < list.Items.Length; i++)
        {
            var pair = CustomPair(list.Items[i], path.Item(i, null), errors, period);
            valid &= pair is not null;
            if (pair is not null)
            {
                pairs.Add(pair);
            }
        }

        return valid ? pairs.ToImmutable() : null;
    }

    private static BurnRateWindowPair? CustomPair(SpecNode node, SpecPath path, SpecErrorList errors, TimeSpan period)
    {
        if (MappingReader.Open(node, path, errors, SpecFields.WindowPair) is not { } pair)
        {
            return null;
        }

        foreach (var field in SpecFields.WindowPair.Where(f => !pair.Has(f)))
        {
            pair.ReportMissing(field);
        }

        BurnRateSeverity? severity = null;
        if (pair.Text("severity") is { } severityText)
        {
            if (SpecFields.PairSeverities.Contains(severityText, StringComparer.Ordinal))
            {
                severity = severityText == "page" ? BurnRateSeverity.Page : BurnRateSeverity.Ticket;
            }
            else
            {
                errors.Add(pair.PathOf("severity"), pair.Node("severity"), $"'{severityText}' is not a severity: use page or ticket");
            }
        }

        var longWindow = pair.Duration("longWindow");
        var shortWindow = pair.Duration("shortWindow");
        if (longWindow > period)
        {
            errors.Add(pair.PathOf("longWindow"), pair.Node("longWindow"), $"longWindow {Durations.Format(longWindow.Value)} must not exceed the SLO window {Durations.Format(period)}");
            longWindow = null;
        }
        else if (longWindow is not null && shortWindow is not null && shortWindow >= longWindow)
        {
            errors.Add(pair.PathOf("shortWindow"), pair.Node("shortWindow"), $"shortWindow {Durations.Format(shortWindow.Value)} must be shorter than longWindow {Durations.Format(longWindow.Value)}");
            shortWindow = null;
        }

        var factor = pair.Number("factor");
        if (factor <= 0)
        {
            errors.Add(pair.PathOf("factor"), pair.Node("factor"), string.Create(CultureInfo.InvariantCulture, $"must be greater than 0, not {factor}"));
            factor = null;
        }

        return severity is null || longWindow is null || shortWindow is null || factor is null
            ? null
            : new BurnRateWindowPair(severity.Value, longWindow.Value, shortWindow.Value, factor.Value);
    }

    private static string Known(ImmutableHashSet<string> declared) =>
        declared.IsEmpty ? "none are declared" : "declared: " + string.Join(", ", declared.Order(StringComparer.Ordinal));
}
