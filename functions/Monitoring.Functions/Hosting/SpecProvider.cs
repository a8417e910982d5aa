using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Hosting;

/// <summary>Loads the spec once at start-up; an invalid spec stops the app with every error listed.</summary>
public sealed class SpecProvider
{
    /// <summary>Loads and validates the spec file.</summary>
    /// <exception cref="InvalidSpecException">The file is missing or invalid.</exception>
    public SpecProvider(string path, IEnvironmentVariables environment, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(redactor);
        Path = path;
        var result = SpecFile.Load(path, environment);
        if (!result.IsValid)
        {
            throw new InvalidSpecException(path, result.Errors);
        }

        Spec = result.Spec!;
        RegisterSecrets(Spec, environment, redactor);
    }

    /// <summary>The spec file path.</summary>
    public string Path { get; }

    /// <summary>The loaded spec.</summary>
    public MonitoringSpec Spec { get; }

    // Every value the spec reads from the environment is a potential secret. Registering them
    // now means even a log line written before the first run cannot leak one.
    private static void RegisterSecrets(MonitoringSpec spec, IEnvironmentVariables environment, SecretRedactor redactor)
    {
        foreach (var name in SpecEnvironmentReferences.Names(spec))
        {
            redactor.Register(environment.Get(name));
        }
    }
}
