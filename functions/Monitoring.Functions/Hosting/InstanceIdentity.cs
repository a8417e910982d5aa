namespace Monitoring.Functions.Hosting;

/// <summary>Names this running instance in heartbeats and leases.</summary>
/// <param name="Name">The Azure instance id when there is one, else machine name and process id.</param>
public sealed record InstanceIdentity(string Name)
{
    /// <summary>Reads the identity of the current process.</summary>
    public static InstanceIdentity Current()
    {
        var azureInstance = Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID");
        return new InstanceIdentity(string.IsNullOrEmpty(azureInstance)
            ? $"{Environment.MachineName}-{Environment.ProcessId}"
            : azureInstance[..Math.Min(azureInstance.Length, 16)]);
    }
}
