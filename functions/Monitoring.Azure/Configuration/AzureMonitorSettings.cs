namespace Monitoring.Azure.Configuration;

/// <summary>
/// Where the app's results and SLI reads go in Azure, bound from the <c>Monitoring:Azure</c> configuration section
/// (app settings <c>Monitoring__Azure__LogsIngestionEndpoint</c> and so on, which the Bicep deployment sets from its
/// outputs). Unset, the embedded store serves alone.
/// </summary>
public sealed class AzureMonitorSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Monitoring:Azure";

    /// <summary>The data collection rule's Logs Ingestion endpoint (<c>properties.endpoints.logsIngestion</c> of a Direct DCR).</summary>
    public Uri? LogsIngestionEndpoint { get; set; }

    /// <summary>The data collection rule's immutable id (<c>dcr-…</c>).</summary>
    public string? DcrImmutableId { get; set; }

    /// <summary>Stream names per table, when they differ from <c>Custom-&lt;Table&gt;</c>.</summary>
    public Dictionary<string, string> Streams { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The Log Analytics workspace id (a GUID, the workspace's <c>customerId</c>) that SLI reads query.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>The Log Analytics Query API endpoint; the public cloud's by default.</summary>
    public Uri LogsQueryEndpoint { get; set; } = new("https://api.loganalytics.azure.com/");

    /// <summary>The Azure Communication Services endpoint (<c>https://&lt;name&gt;.communication.azure.com/</c>) email goes through.</summary>
    public Uri? AcsEndpoint { get; set; }

    /// <summary>The sender address on the ACS email domain (<c>DoNotReply@&lt;domain&gt;</c>).</summary>
    public string? EmailSender { get; set; }

    /// <summary>True when email should go through ACS rather than the local outbox.</summary>
    public bool SendsEmail => AcsEndpoint is not null && !string.IsNullOrWhiteSpace(EmailSender);

    /// <summary>The client id of the user-assigned managed identity to authenticate as, when there are several.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>True when results should also go to Log Analytics.</summary>
    public bool Ingests => LogsIngestionEndpoint is not null && !string.IsNullOrWhiteSpace(DcrImmutableId);

    /// <summary>True when SLI counts should be read from Log Analytics.</summary>
    public bool Queries => !string.IsNullOrWhiteSpace(WorkspaceId);

    /// <summary>What is wrong with the settings, if anything: a half-configured ingestion would silently drop every result.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if ((LogsIngestionEndpoint is null) != string.IsNullOrWhiteSpace(DcrImmutableId))
        {
            problems.Add("Monitoring__Azure__LogsIngestionEndpoint and Monitoring__Azure__DcrImmutableId must be set together.");
        }

        if (LogsIngestionEndpoint is { } ingestion && ingestion.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("Monitoring__Azure__LogsIngestionEndpoint must be an https URL.");
        }

        if ((AcsEndpoint is null) != string.IsNullOrWhiteSpace(EmailSender))
        {
            problems.Add("Monitoring__Azure__AcsEndpoint and Monitoring__Azure__EmailSender must be set together.");
        }

        if (AcsEndpoint is { } acs && acs.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("Monitoring__Azure__AcsEndpoint must be an https URL.");
        }

        if (LogsQueryEndpoint.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("Monitoring__Azure__LogsQueryEndpoint must be an https URL.");
        }

        return problems;
    }
}
