namespace Monitoring.Functions.Invocation;

/// <summary>Runs a non-HTTP function. The host's POST and the local scheduler both end here.</summary>
public interface IFunctionHandler
{
    /// <summary>The function name; must match a <c>function.json</c> folder.</summary>
    string FunctionName { get; }

    /// <summary>Runs one invocation and returns the lines to report to the host.</summary>
    Task<IReadOnlyList<string>> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}
