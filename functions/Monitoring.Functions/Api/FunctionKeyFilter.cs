using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Functions.Api;

/// <summary>
/// Requires the function key on <c>authLevel: function</c> routes in standalone runs. Under the
/// Functions host the host checks keys before proxying, so this filter is not installed there.
/// </summary>
public sealed class FunctionKeyFilter(string key) : IEndpointFilter
{
    private readonly byte[] expected = Encoding.UTF8.GetBytes(key);

    /// <inheritdoc/>
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var presented = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "A function key is required.",
            detail: "Send the key in the x-functions-key header or the code query parameter."));
    }
}
