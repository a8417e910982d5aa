using Monitoring.Core.Alerting;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>
/// The alerts a data check has: one per rule kind it evaluates (<c>data:&lt;check&gt;:&lt;kind&gt;</c>) plus its
/// connection alert, all with source <see cref="AlertSource.DataCheck"/>. A rule that could not be judged (the source
/// was unreachable) is not observed, so its alert holds its state while the connection alert speaks.
/// </summary>
public static class DataCheckAlerts
{
    /// <summary>The key of the alert of <paramref name="kind"/> (one of <see cref="DataRuleKinds"/>) on <paramref name="checkName"/>.</summary>
    public static string Key(string checkName, string kind) => $"data:{checkName}:{kind}";

    /// <summary>The observations one evaluation makes: one per result.</summary>
    public static IReadOnlyList<AlertObservation> Observe(DataCheckSpec check, ServiceSpec? service, DataCheckEvaluation evaluation) =>
        throw new NotImplementedException();
}
