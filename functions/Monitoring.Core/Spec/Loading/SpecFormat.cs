namespace Monitoring.Core.Spec;

/// <summary>The text format a spec is written in.</summary>
public enum SpecFormat
{
    /// <summary>YAML (the usual <c>monitoring.yaml</c>).</summary>
    Yaml,

    /// <summary>JSON.</summary>
    Json,
}
