using Monitoring.Core.Ports;
using Monitoring.Core.Spec.Loading;
using Monitoring.Core.Spec.Loading.Nodes;
using Monitoring.Core.Spec.Validation;

namespace Monitoring.Core.Spec;

/// <summary>
/// Loads a spec in three steps: parse the text (YAML or JSON) into one tree with lines, check
/// the version, then validate and map it to immutable records, reporting every error at once.
/// </summary>
public static class SpecLoader
{
    /// <summary>
    /// Parses, validates and maps <paramref name="text"/>. Every error is reported, with its path and line where known.
    /// <paramref name="environment"/> is only used to check that each <c>${env:NAME}</c> without a default is set:
    /// values are never read into the spec, because templates are rendered at run time.
    /// </summary>
    public static SpecLoadResult Load(string text, SpecFormat format, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);

        var errors = new SpecErrorList();
        var root = format == SpecFormat.Json ? JsonSpecReader.Read(text, errors) : YamlSpecReader.Read(text, errors);
        if (root is null || !SpecVersion.IsCurrent(root, errors))
        {
            return new SpecLoadResult(null, errors.ToImmutable());
        }

        var spec = SpecMapper.Map((SpecMapping)root, errors, environment);
        return errors.IsEmpty ? new SpecLoadResult(spec, []) : new SpecLoadResult(null, errors.ToImmutable());
    }
}
