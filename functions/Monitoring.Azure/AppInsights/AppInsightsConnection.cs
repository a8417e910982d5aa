namespace Monitoring.Azure.AppInsights;

/// <summary>
/// An Application Insights connection string (<c>InstrumentationKey=…;IngestionEndpoint=https://…/;…</c>), read from
/// the standard <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> setting and checked before any telemetry is sent.
/// The string itself is never part of a message: its instrumentation key identifies the resource.
/// </summary>
public sealed class AppInsightsConnection
{
    /// <summary>The setting's name, as the Functions host and every Application Insights SDK name it.</summary>
    public const string SettingName = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    private AppInsightsConnection(string value, Guid instrumentationKey, Uri? ingestionEndpoint)
    {
        Value = value;
        InstrumentationKey = instrumentationKey;
        IngestionEndpoint = ingestionEndpoint;
    }

    /// <summary>The connection string as given, for the SDK.</summary>
    public string Value { get; }

    /// <summary>The resource's instrumentation key.</summary>
    public Guid InstrumentationKey { get; }

    /// <summary>The regional ingestion endpoint; null leaves the SDK's default (or the string's <c>EndpointSuffix</c>).</summary>
    public Uri? IngestionEndpoint { get; }

    /// <summary>Reads the connection from <paramref name="setting"/>; null when none is configured, so nothing is sent.</summary>
    /// <exception cref="FormatException">The setting is not a usable connection string; the message names the setting and the problem.</exception>
    public static AppInsightsConnection? From(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return setting(SettingName) is { } value && !string.IsNullOrWhiteSpace(value) ? Parse(value) : null;
    }

    /// <summary>Parses a connection string: <c>;</c>-separated <c>key=value</c> pairs, keys in any case.</summary>
    /// <exception cref="FormatException">The string is not a usable connection string; the message never repeats it.</exception>
    public static AppInsightsConnection Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Invalid("it must be key=value pairs separated by ';'.");
            }

            if (!pairs.TryAdd(segment[..equals].Trim(), segment[(equals + 1)..].Trim()))
            {
                throw Invalid($"{segment[..equals].Trim()} is given twice.");
            }
        }

        if (!pairs.TryGetValue("InstrumentationKey", out var key) || !Guid.TryParse(key, out var instrumentationKey))
        {
            throw Invalid("InstrumentationKey must be present and a GUID.");
        }

        Uri? ingestion = null;
        if (pairs.TryGetValue("IngestionEndpoint", out var endpoint)
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out ingestion) || ingestion.Scheme != Uri.UriSchemeHttps))
        {
            throw Invalid("IngestionEndpoint must be an https URL.");
        }

        return new AppInsightsConnection(value, instrumentationKey, ingestion);
    }

    private static FormatException Invalid(string problem) =>
        new($"{SettingName} is not a valid Application Insights connection string: {problem}");
}
