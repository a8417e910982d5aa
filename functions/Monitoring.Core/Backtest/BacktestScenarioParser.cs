using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Core.Backtest;

/// <summary>
/// Reads a backtest scenario file (YAML, see docs/BACKTEST.md) into scenarios: one, or one per seed when the
/// file lists <c>seeds</c>. Takes text, so it does no I/O; every error names the file and the field.
/// </summary>
public static class BacktestScenarioParser
{
    private static readonly string[] RootFields = ["name", "slo", "events", "checkRate", "check", "duration", "background", "seed", "seeds", "incidents", "maintenance", "series"];
    private static readonly string[] CheckFields = ["failureThreshold", "successThreshold", "keepFiringFor"];
    private static readonly string[] MaintenanceFields = ["start", "duration"];
    private static readonly string[] SloFields = ["objective", "window", "minBadEvents"];
    private static readonly string[] IncidentFields = ["start", "duration", "errorRate", "flapping", "kind"];
    private static readonly string[] FlappingFields = ["on", "off"];

    /// <summary>Parses <paramref name="text"/>, the contents of <paramref name="file"/>.</summary>
    /// <exception cref="BacktestScenarioException">The file is not a valid scenario.</exception>
    public static ImmutableArray<BacktestScenario> Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var root = Load(text, file);
        Known(root, RootFields, file, string.Empty);

        var name = Optional(root, "name") is { } nameNode ? Scalar(nameNode, file, "name") : Path.GetFileNameWithoutExtension(file);
        var slo = ParseSlo(Required(root, "slo", file, "slo"), file, name);
        var events = Optional(root, "events") is { } eventsNode ? Events(eventsNode, file) : BacktestEvents.Checks;
        var checkRate = Optional(root, "checkRate") is { } rateNode ? Integer(rateNode, file, "checkRate", 1, 1_000_000) : 1;
        if (events == BacktestEvents.Checks && (60 % checkRate != 0 || 60 / checkRate % 10 != 0))
        {
            // The app's timer ticks every 10 seconds, so a check's interval is a multiple of 10 seconds.
            throw new BacktestScenarioException(file, "checkRate", "must be 1, 2, 3 or 6 runs a minute for check events (intervals of 60, 30, 20 or 10 seconds); use events: requests for traffic.");
        }

        var checkAlert = Optional(root, "check") is { } checkNode ? ParseCheck(checkNode, file, events) : CheckAlertSpec.Default;
        var series = Optional(root, "series") is { } seriesNode ? ParseSeries(seriesNode, file) : [];
        var duration = Optional(root, "duration") is { } durationNode ? WholeMinutes(durationNode, file, "duration")
            : series.Length > 0 ? TimeSpan.FromMinutes(series.Length)
            : throw new BacktestScenarioException(file, "duration", "is required unless a series gives the minutes.");
        if (series.Length > 0 && series.Length != (int)duration.TotalMinutes)
        {
            throw new BacktestScenarioException(file, "series", string.Create(CultureInfo.InvariantCulture, $"has {series.Length} minutes but the duration is {duration.TotalMinutes} minutes."));
        }

        var background = Optional(root, "background") is { } backgroundNode ? Fraction(backgroundNode, file, "background") : 0;
        var incidents = Optional(root, "incidents") is { } incidentsNode ? ParseIncidents(incidentsNode, file, duration) : [];
        var maintenance = Optional(root, "maintenance") is { } maintenanceNode ? ParseMaintenance(maintenanceNode, file, duration) : [];
        var seeds = Seeds(root, file);
        return [.. seeds.Select(seed => new BacktestScenario(
            seeds.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $"{name}#{seed}") : name,
            slo, checkRate, duration, background, seed, incidents, series)
        {
            Events = events,
            CheckAlert = checkAlert,
            Maintenance = maintenance,
        })];
    }

    private static BacktestEvents Events(YamlNode node, string file) => Scalar(node, file, "events") switch
    {
        "checks" => BacktestEvents.Checks,
        "requests" => BacktestEvents.Requests,
        var other => throw new BacktestScenarioException(file, "events", $"must be checks or requests, not '{other}'."),
    };

    private static CheckAlertSpec ParseCheck(YamlNode node, string file, BacktestEvents events)
    {
        if (events != BacktestEvents.Checks)
        {
            throw new BacktestScenarioException(file, "check", "applies to check events only.");
        }

        var map = Mapping(node, file, "check");
        Known(map, CheckFields, file, "check.");
        var defaults = CheckAlertSpec.Default;
        return defaults with
        {
            FailureThreshold = Optional(map, "failureThreshold") is { } failures ? Integer(failures, file, "check.failureThreshold", 1, 100) : defaults.FailureThreshold,
            SuccessThreshold = Optional(map, "successThreshold") is { } successes ? Integer(successes, file, "check.successThreshold", 1, 100) : defaults.SuccessThreshold,
            KeepFiringFor = Optional(map, "keepFiringFor") is { } keep ? Duration(keep, file, "check.keepFiringFor") : defaults.KeepFiringFor,
        };
    }

    private static ImmutableArray<BacktestMaintenance> ParseMaintenance(YamlNode node, string file, TimeSpan scenarioDuration)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw new BacktestScenarioException(file, "maintenance", "must be a list.");
        }

        var windows = new List<BacktestMaintenance>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"maintenance[{i}]");
            var map = Mapping(sequence.Children[i], file, path);
            Known(map, MaintenanceFields, file, path + ".");
            var start = WholeMinutes(Required(map, "start", file, path + ".start"), file, path + ".start", allowZero: true);
            var duration = WholeMinutes(Required(map, "duration", file, path + ".duration"), file, path + ".duration");
            if (start + duration > scenarioDuration)
            {
                throw new BacktestScenarioException(file, path + ".duration", "must end within the scenario's duration.");
            }

            windows.Add(new BacktestMaintenance(start, duration));
        }

        return [.. windows.OrderBy(w => w.Start)];
    }

    private static YamlMappingNode Load(string text, string file)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new BacktestScenarioException(file, string.Create(CultureInfo.InvariantCulture, $"line {e.Start.Line}"), "is not valid YAML: " + e.Message);
        }

        return yaml.Documents.Count == 1 && yaml.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new BacktestScenarioException(file, "(root)", "must be one YAML mapping.");
    }

    private static SloSpec ParseSlo(YamlNode node, string file, string name)
    {
        var map = Mapping(node, file, "slo");
        Known(map, SloFields, file, "slo.");
        var objectiveNode = Required(map, "objective", file, "slo.objective");
        var objective = Number(objectiveNode, file, "slo.objective");
        if (!(objective > 0 && objective < 100))
        {
            throw new BacktestScenarioException(file, "slo.objective", "must be greater than 0 and less than 100.");
        }

        var period = Optional(map, "window") is { } windowNode ? Duration(windowNode, file, "slo.window") : TimeSpan.FromDays(30);
        if (!BurnRateWindows.Periods.Contains(period))
        {
            throw new BacktestScenarioException(file, "slo.window", "must be 7d, 28d or 30d.");
        }

        var minBad = Optional(map, "minBadEvents") is { } minNode ? Integer(minNode, file, "slo.minBadEvents", 1, 1_000_000) : SloAlertingSpec.DefaultMinBadEvents;
        return new SloSpec(name, null, null, objective, period, SloBudgeting.Occurrences, new AvailabilitySli(name),
            new SloAlertingSpec(BurnRateWindows.ForPeriod(period), minBad, CustomWindows: false));
    }

    private static ImmutableArray<BacktestIncident> ParseIncidents(YamlNode node, string file, TimeSpan scenarioDuration)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw new BacktestScenarioException(file, "incidents", "must be a list.");
        }

        var incidents = new List<BacktestIncident>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"incidents[{i}]");
            var map = Mapping(sequence.Children[i], file, path);
            Known(map, IncidentFields, file, path + ".");
            var start = WholeMinutes(Required(map, "start", file, path + ".start"), file, path + ".start", allowZero: true);
            var duration = WholeMinutes(Required(map, "duration", file, path + ".duration"), file, path + ".duration");
            if (start + duration > scenarioDuration)
            {
                throw new BacktestScenarioException(file, path + ".duration", "must end within the scenario's duration.");
            }

            var kind = Optional(map, "kind") is { } kindNode ? Kind(kindNode, file, path + ".kind") : BacktestIncidentKind.Errors;
            var errorRate = Optional(map, "errorRate") is { } rateNode ? Fraction(rateNode, file, path + ".errorRate")
                : kind == BacktestIncidentKind.NoData ? 0
                : throw new BacktestScenarioException(file, path + ".errorRate", "is required unless the kind is no-data.");
            BacktestFlapping? flapping = null;
            if (Optional(map, "flapping") is { } flappingNode)
            {
                var flappingMap = Mapping(flappingNode, file, path + ".flapping");
                Known(flappingMap, FlappingFields, file, path + ".flapping.");
                flapping = new BacktestFlapping(
                    WholeMinutes(Required(flappingMap, "on", file, path + ".flapping.on"), file, path + ".flapping.on"),
                    WholeMinutes(Required(flappingMap, "off", file, path + ".flapping.off"), file, path + ".flapping.off"));
            }

            incidents.Add(new BacktestIncident(start, duration, errorRate, kind, flapping));
        }

        var ordered = incidents.OrderBy(i => i.Start).ToImmutableArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Start < ordered[i - 1].End)
            {
                throw new BacktestScenarioException(file, "incidents", "must not overlap.");
            }
        }

        return ordered;
    }

    private static ImmutableArray<WindowCounts> ParseSeries(YamlNode node, string file)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw new BacktestScenarioException(file, "series", "must be a list of [bad, total] pairs.");
        }

        var minutes = ImmutableArray.CreateBuilder<WindowCounts>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"series[{i}]");
            if (sequence.Children[i] is not YamlSequenceNode pair || pair.Children.Count != 2)
            {
                throw new BacktestScenarioException(file, path, "must be a [bad, total] pair.");
            }

            var bad = Integer(pair.Children[0], file, path + "[0]", 0, int.MaxValue);
            var total = Integer(pair.Children[1], file, path + "[1]", 0, int.MaxValue);
            if (bad > total)
            {
                throw new BacktestScenarioException(file, path, "bad must not exceed total.");
            }

            minutes.Add(new WindowCounts(total - bad, total));
        }

        return minutes.MoveToImmutable();
    }

    private static ImmutableArray<int> Seeds(YamlMappingNode root, string file)
    {
        var seed = Optional(root, "seed");
        var seeds = Optional(root, "seeds");
        if (seed is not null && seeds is not null)
        {
            throw new BacktestScenarioException(file, "seeds", "must not be given together with seed.");
        }

        if (seeds is null)
        {
            return [seed is null ? 1 : Integer(seed, file, "seed", int.MinValue, int.MaxValue)];
        }

        if (seeds is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw new BacktestScenarioException(file, "seeds", "must be a non-empty list of integers.");
        }

        return [.. list.Children.Select((s, i) => Integer(s, file, string.Create(CultureInfo.InvariantCulture, $"seeds[{i}]"), int.MinValue, int.MaxValue))];
    }

    private static void Known(YamlMappingNode map, string[] fields, string file, string prefix)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!fields.Contains(name, StringComparer.Ordinal))
            {
                throw new BacktestScenarioException(file, prefix + name, "is not a known field. Known: " + string.Join(", ", fields) + ".");
            }
        }
    }

    private static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlNode Required(YamlMappingNode map, string key, string file, string path) =>
        Optional(map, key) ?? throw new BacktestScenarioException(file, path, "is required.");

    private static YamlMappingNode Mapping(YamlNode node, string file, string path) =>
        node as YamlMappingNode ?? throw new BacktestScenarioException(file, path, "must be a mapping.");

    private static string Scalar(YamlNode node, string file, string path) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw new BacktestScenarioException(file, path, "must be a non-empty value.");

    private static double Number(YamlNode node, string file, string path) =>
        double.TryParse(Scalar(node, file, path), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new BacktestScenarioException(file, path, "must be a number.");

    private static double Fraction(YamlNode node, string file, string path)
    {
        var value = Number(node, file, path);
        return value is >= 0 and <= 1 ? value : throw new BacktestScenarioException(file, path, "must be between 0 and 1.");
    }

    private static int Integer(YamlNode node, string file, string path, int min, int max)
    {
        var text = Scalar(node, file, path);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new BacktestScenarioException(file, path, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}, not '{text}'."));
    }

    private static TimeSpan Duration(YamlNode node, string file, string path)
    {
        var text = Scalar(node, file, path);
        return Durations.TryParse(text, out var value) ? value : throw new BacktestScenarioException(file, path, $"must be a duration such as 5m, 3d4h or 30d, not '{text}'.");
    }

    // The simulation steps one minute at a time, so every offset and length is whole minutes.
    private static TimeSpan WholeMinutes(YamlNode node, string file, string path, bool allowZero = false)
    {
        var value = Duration(node, file, path);
        if (value.Ticks % TimeSpan.TicksPerMinute != 0 || (!allowZero && value == TimeSpan.Zero))
        {
            throw new BacktestScenarioException(file, path, allowZero ? "must be a whole number of minutes." : "must be a whole number of minutes, at least 1m.");
        }

        return value;
    }

    private static BacktestIncidentKind Kind(YamlNode node, string file, string path) => Scalar(node, file, path) switch
    {
        "errors" => BacktestIncidentKind.Errors,
        "no-data" => BacktestIncidentKind.NoData,
        var other => throw new BacktestScenarioException(file, path, $"must be errors or no-data, not '{other}'."),
    };
}
