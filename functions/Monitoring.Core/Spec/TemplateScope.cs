using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;

namespace Monitoring.Core.Spec;

/// <summary>What a <see cref="Template"/> is rendered against.</summary>
/// <param name="Variables">Variables set so far (spec variables, then extracted values).</param>
/// <param name="Environment">Where environment references are read.</param>
/// <param name="Redactor">Receives every environment value read, so it is redacted everywhere.</param>
public sealed record TemplateScope(
    IReadOnlyDictionary<string, string> Variables,
    IEnvironmentVariables Environment,
    SecretRedactor Redactor);
