namespace Monitoring.Azure.Email;

/// <summary>One recipient of an ACS email.</summary>
/// <param name="Address">The email address.</param>
/// <param name="DisplayName">The name shown with it, if any.</param>
public sealed record AcsEmailAddress(string Address, string? DisplayName = null);
