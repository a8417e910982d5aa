using Monitoring.Core.Spec.Loading.Nodes;
using Monitoring.Core.Spec.Validation;

namespace Monitoring.Core.Spec.Loading;

/// <summary>The version gate between parsing and mapping.</summary>
internal static class SpecVersion
{
    /// <summary>
    /// False when the tree cannot be a spec of this version. A missing version is reported but
    /// mapping goes on, so the author sees every other error too; another version stops here,
    /// because its fields would only produce noise.
    /// </summary>
    public static bool IsCurrent(SpecNode root, SpecErrorList errors)
    {
        if (root is not SpecMapping mapping)
        {
            errors.Add(SpecPath.Root, root, $"the spec must be a mapping with 'version: {MonitoringSpec.CurrentVersion}' at the top, not {ValueReader.Show(root)}");
            return false;
        }

        var path = SpecPath.Root.Field("version");
        switch (mapping.Find("version")?.Value)
        {
            case null:
                errors.Add(path, mapping, $"is required: start the spec with 'version: {MonitoringSpec.CurrentVersion}'");
                return true;
            case SpecScalar { Kind: ScalarKind.String, Text: MonitoringSpec.CurrentVersion }:
                return true;
            case var other:
                errors.Add(path, other, $"{ValueReader.Show(other)} is not a version this build reads; use '{MonitoringSpec.CurrentVersion}'");
                return false;
        }
    }
}
