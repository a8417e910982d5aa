using Monitoring.Core.DataChecks;

namespace Monitoring.Azure.DataSources;

/// <summary>The request parts a source cannot answer fail the read, naming the rule that asked and the sources that can.</summary>
internal static class Unsupported
{
    /// <summary>Throws when <paramref name="request"/> asks for a part <paramref name="kind"/> cannot answer.</summary>
    public static void Reject(string kind, DataReadRequest request, bool lastUpdated = false, bool ranges = false, bool schema = false, bool runs = false)
    {
        var parts = new List<string>();
        if (lastUpdated && request.LastUpdated)
        {
            parts.Add("the last-updated time (freshness)");
        }

        if (ranges && !request.Ranges.IsEmpty)
        {
            parts.Add("row counts (volume, anomaly)");
        }

        if (schema && request.Schema)
        {
            parts.Add("the schema (schema rule: kql, sql or http sources answer it)");
        }

        if (runs && request.RunsSince is not null)
        {
            parts.Add("pipeline runs (pipeline rule: adf, kql, sql or http sources answer them)");
        }

        if (parts.Count > 0)
        {
            var article = "aeiou".Contains(kind[0], StringComparison.Ordinal) ? "An" : "A";
            throw new DataSourceException(DataSourceErrorKind.Query, $"{article} {kind} source cannot answer {string.Join(" or ", parts)}.");
        }
    }
}
