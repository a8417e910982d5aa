namespace Monitoring.Core.Checks;

/// <summary>Whether one assertion held, and if not, a short explanation.</summary>
/// <param name="Passed">True when the assertion held.</param>
/// <param name="Message">Why it did not hold (not yet redacted); null when it passed.</param>
public sealed record AssertionResult(bool Passed, string? Message)
{
    /// <summary>The result of an assertion that held.</summary>
    public static AssertionResult Pass { get; } = new(true, null);

    /// <summary>The result of an assertion that did not hold.</summary>
    public static AssertionResult Fail(string message) => new(false, message);
}
