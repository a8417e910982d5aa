using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Checks;

/// <summary>Evaluates one assertion against a response: a pure function, so every rule is testable without a server.</summary>
public static class AssertionEvaluator
{
    /// <summary>How long a <see cref="AssertionOperator.Matches"/> pattern may run before the assertion fails.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private const int MaxShownTextLength = 60;

    /// <summary>
    /// Evaluates <paramref name="assertion"/> against <paramref name="response"/>. Certificate days are
    /// counted from <paramref name="now"/>; the expected value is rendered against <paramref name="scope"/>.
    /// </summary>
    /// <exception cref="TemplateRenderException">The expected value references a variable that is not set.</exception>
    public static AssertionResult Evaluate(AssertionSpec assertion, ProbeResponse response, DateTimeOffset now, TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(scope);

        var expected = assertion.Expected.Render(scope);
        var actual = Observe(assertion, response, now);
        if (actual.Problem is not null)
        {
            return AssertionResult.Fail(actual.Problem);
        }

        if (assertion.Operator == AssertionOperator.Exists)
        {
            return EvaluateExists(actual, expected);
        }

        if (actual.Value is null)
        {
            return AssertionResult.Fail(actual.MissingMessage);
        }

        return Compare(actual, assertion.Operator, expected);
    }

    private static Observation Observe(AssertionSpec assertion, ProbeResponse response, DateTimeOffset now)
    {
        switch (assertion.Target)
        {
            case AssertionTarget.Status:
                return Observation.Number("status", response.StatusCode.ToString(CultureInfo.InvariantCulture), unit: null);

            case AssertionTarget.Latency:
                var milliseconds = Math.Round(response.Duration.TotalMilliseconds, MidpointRounding.AwayFromZero);
                return Observation.Number("latency", milliseconds.ToString(CultureInfo.InvariantCulture), unit: "ms");

            case AssertionTarget.CertificateDaysLeft:
                if (response.CertificateNotAfter is not { } notAfter)
                {
                    return new Observation("certDaysLeft", null, IsNumeric: true, Unit: null, "no certificate (plain HTTP)", Problem: null);
                }

                var days = (int)Math.Floor((notAfter - now).TotalDays);
                return Observation.Number("certDaysLeft", days.ToString(CultureInfo.InvariantCulture), unit: null);

            case AssertionTarget.Body:
                return Observation.Text("body", response.Body, "body is empty");

            case AssertionTarget.Header:
                var name = assertion.Selector ?? string.Empty;
                var label = $"header {name}";
                var value = FindHeader(response, name) is { IsDefaultOrEmpty: false } values ? string.Join(", ", values) : null;
                return Observation.Text(label, value, $"{label} is missing");

            case AssertionTarget.Json:
                var path = assertion.Selector ?? "$";
                if (!JsonBody.TryParse(response.Body, out var root, out var parseError))
                {
                    return Observation.Failed(path, $"{path}: {parseError}");
                }

                if (!JsonBody.TrySelect(root!, path, out var token, out var selectError))
                {
                    return Observation.Failed(path, selectError!);
                }

                return Observation.Text(path, token is null ? null : JsonBody.ToText(token), $"{path} is missing");

            default:
                throw new ArgumentOutOfRangeException(nameof(assertion), assertion.Target, "Unknown assertion target.");
        }
    }

    private static AssertionResult EvaluateExists(Observation actual, string expected)
    {
        bool shouldExist;
        if (string.Equals(expected, "true", StringComparison.OrdinalIgnoreCase))
        {
            shouldExist = true;
        }
        else if (string.Equals(expected, "false", StringComparison.OrdinalIgnoreCase))
        {
            shouldExist = false;
        }
        else
        {
            return AssertionResult.Fail($"{actual.Label}: exists expects true or false, got '{Shorten(expected)}'");
        }

        var exists = actual.Value is not null;
        if (exists == shouldExist)
        {
            return AssertionResult.Pass;
        }

        return AssertionResult.Fail(shouldExist ? actual.MissingMessage : $"{actual.Label} is present, expected absent");
    }

    private static AssertionResult Compare(Observation actual, AssertionOperator op, string expected)
    {
        var value = actual.Value!;
        var actualIsNumber = TryParseNumber(value, out var actualNumber);
        var expectedIsNumber = TryParseNumber(StripUnit(expected, actual.Unit), out var expectedNumber);

        bool holds;
        switch (op)
        {
            case AssertionOperator.Equals:
            case AssertionOperator.NotEquals:
                var equal = actualIsNumber && expectedIsNumber
                    ? actualNumber == expectedNumber
                    : string.Equals(value, expected, StringComparison.Ordinal);
                holds = op == AssertionOperator.Equals ? equal : !equal;
                break;

            case AssertionOperator.LessThan:
            case AssertionOperator.LessThanOrEqual:
            case AssertionOperator.GreaterThan:
            case AssertionOperator.GreaterThanOrEqual:
                if (!expectedIsNumber)
                {
                    return AssertionResult.Fail($"{actual.Label}: expected value '{Shorten(expected)}' is not a number");
                }

                if (!actualIsNumber)
                {
                    return AssertionResult.Fail($"{Describe(actual)}, expected {Phrase(op)}{ShowExpected(expected, actual)} (not a number)");
                }

                holds = op switch
                {
                    AssertionOperator.LessThan => actualNumber < expectedNumber,
                    AssertionOperator.LessThanOrEqual => actualNumber <= expectedNumber,
                    AssertionOperator.GreaterThan => actualNumber > expectedNumber,
                    _ => actualNumber >= expectedNumber,
                };
                break;

            case AssertionOperator.Contains:
                holds = value.Contains(expected, StringComparison.Ordinal);
                break;

            case AssertionOperator.NotContains:
                holds = !value.Contains(expected, StringComparison.Ordinal);
                break;

            case AssertionOperator.Matches:
                try
                {
                    holds = Regex.IsMatch(value, expected, RegexOptions.CultureInvariant, RegexTimeout);
                }
                catch (RegexMatchTimeoutException)
                {
                    return AssertionResult.Fail($"{actual.Label}: pattern '{Shorten(expected)}' took longer than {RegexTimeout.TotalMilliseconds} ms");
                }
                catch (ArgumentException ex)
                {
                    return AssertionResult.Fail($"{actual.Label}: '{Shorten(expected)}' is not a valid regular expression: {ex.Message}");
                }

                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown assertion operator.");
        }

        return holds
            ? AssertionResult.Pass
            : AssertionResult.Fail($"{Describe(actual)}, expected {Phrase(op)}{ShowExpected(expected, actual)}");
    }

    private static ImmutableArray<string> FindHeader(ProbeResponse response, string name)
    {
        if (response.Headers.TryGetValue(name, out var values))
        {
            return values;
        }

        // The probe builds a case-insensitive dictionary, but a hand-built response may not.
        foreach (var pair in response.Headers)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return default;
    }

    private static string Describe(Observation actual) => actual.IsNumeric
        ? $"{actual.Label} {actual.Value}{UnitSuffix(actual.Unit)}"
        : $"{actual.Label} was {Show(actual.Value!)}";

    private static string ShowExpected(string expected, Observation actual) =>
        actual.IsNumeric ? $"{StripUnit(expected, actual.Unit)}{UnitSuffix(actual.Unit)}" : Show(expected);

    private static string UnitSuffix(string? unit) => unit is null ? string.Empty : $" {unit}";

    private static string StripUnit(string text, string? unit) =>
        unit is not null && text.EndsWith(unit, StringComparison.OrdinalIgnoreCase) ? text[..^unit.Length].TrimEnd() : text;

    private static string Show(string text) => TryParseNumber(text, out _) ? text : $"'{Shorten(text)}'";

    private static string Shorten(string text) => text.Length <= MaxShownTextLength ? text : string.Concat(text.AsSpan(0, MaxShownTextLength), "...");

    private static string Phrase(AssertionOperator op) => op switch
    {
        AssertionOperator.Equals => string.Empty,
        AssertionOperator.NotEquals => "not ",
        AssertionOperator.LessThan => "less than ",
        AssertionOperator.LessThanOrEqual => "at most ",
        AssertionOperator.GreaterThan => "greater than ",
        AssertionOperator.GreaterThanOrEqual => "at least ",
        AssertionOperator.Contains => "to contain ",
        AssertionOperator.NotContains => "not to contain ",
        AssertionOperator.Matches => "to match ",
        _ => string.Empty,
    };

    private static bool TryParseNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    /// <summary>What an assertion looks at: a label for messages, the value (null when absent) and how absence reads.</summary>
    private sealed record Observation(string Label, string? Value, bool IsNumeric, string? Unit, string MissingMessage, string? Problem)
    {
        public static Observation Number(string label, string value, string? unit) => new(label, value, IsNumeric: true, unit, $"{label} is missing", Problem: null);

        public static Observation Text(string label, string? value, string missingMessage) => new(label, value, IsNumeric: false, Unit: null, missingMessage, Problem: null);

        public static Observation Failed(string label, string problem) => new(label, null, IsNumeric: false, Unit: null, problem, problem);
    }
}
