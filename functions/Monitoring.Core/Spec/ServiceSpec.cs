namespace Monitoring.Core.Spec;

/// <summary>A service that owns checks: who runs it, how critical it is, and where its runbook lives.</summary>
/// <param name="Name">The service name, unique in the spec.</param>
/// <param name="Team">The owning team.</param>
/// <param name="Tier">Criticality, 1 (most critical) to 3.</param>
/// <param name="RunbookUrl">Where on-call finds the runbook, if any.</param>
/// <param name="Description">Free text for people.</param>
public sealed record ServiceSpec(string Name, string Team, int Tier, Uri? RunbookUrl, string? Description);
