namespace Monitoring.Core.Notifications;

/// <summary>The spec's severities and how they map to Azure Monitor's.</summary>
public static class Severities
{
    /// <summary>Pages people: a burn-rate page, a journey down.</summary>
    public const string Critical = "critical";

    /// <summary>A ticket: someone should look today.</summary>
    public const string Warning = "warning";

    /// <summary>Recorded and shown; nobody is paged.</summary>
    public const string Info = "info";

    /// <summary>0 for critical, 1 for warning, 2 for info and anything else: sorts the most severe first.</summary>
    public static int Rank(string severity) => severity switch
    {
        Critical => 0,
        Warning => 1,
        _ => 2,
    };

    /// <summary>The Azure Monitor severity name: Sev1, Sev2 or Sev3.</summary>
    public static string ToAzure(string severity) => "Sev" + (Rank(severity) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
