using System.Globalization;

namespace Monitoring.Functions.Demo.Faults;

/// <summary>The body of <c>PUT /demo/faults/{route}</c>; every field is optional.</summary>
/// <param name="ErrorRate">0 to 1; default 0.</param>
/// <param name="StatusCode">400 to 599; default 500.</param>
/// <param name="LatencyMs">0 to <see cref="MaxLatencyMs"/>; default 0.</param>
/// <param name="Down">Default false.</param>
internal sealed record DemoFaultRequest(double? ErrorRate, int? StatusCode, int? LatencyMs, bool? Down)
{
    /// <summary>Ten minutes: longer than any check timeout, short enough that a typo does not hold connections for hours.</summary>
    public const int MaxLatencyMs = 600_000;

    /// <summary>The status injected errors answer unless told otherwise.</summary>
    public const int DefaultStatusCode = 500;

    /// <summary>Every problem with the request, keyed by field name; empty when it is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ErrorRate is < 0 or > 1 || (ErrorRate is { } rate && double.IsNaN(rate)))
        {
            errors["errorRate"] = [string.Create(CultureInfo.InvariantCulture, $"errorRate must be between 0 and 1. It was {ErrorRate}.")];
        }

        if (StatusCode is < 400 or > 599)
        {
            errors["statusCode"] = [string.Create(CultureInfo.InvariantCulture, $"statusCode must be between 400 and 599. It was {StatusCode}.")];
        }

        if (LatencyMs is < 0 or > MaxLatencyMs)
        {
            errors["latencyMs"] = [string.Create(CultureInfo.InvariantCulture, $"latencyMs must be between 0 and {MaxLatencyMs}. It was {LatencyMs}.")];
        }

        return errors;
    }

    /// <summary>The fault this request describes, with defaults filled in; call only after <see cref="Validate"/> found nothing.</summary>
    public DemoFault ToFault() =>
        new(ErrorRate ?? 0, StatusCode ?? DefaultStatusCode, TimeSpan.FromMilliseconds(LatencyMs ?? 0), Down ?? false);
}
