using System.Text.Json;

namespace Monitoring.Functions.Invocation;

/// <summary>Maps <c>POST /{FunctionName}</c> for every non-HTTP function, as the custom-handler contract requires.</summary>
public static class InvocationEndpoints
{
    private static readonly JsonSerializerOptions RequestJson = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Maps an invocation endpoint for each timer and queue function in the catalog that has a handler.</summary>
    public static IEndpointRouteBuilder MapFunctionInvocations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var catalog = endpoints.ServiceProvider.GetRequiredService<FunctionCatalog>();
        var handlers = endpoints.ServiceProvider.GetServices<IFunctionHandler>().ToDictionary(h => h.FunctionName, StringComparer.OrdinalIgnoreCase);
        foreach (var function in catalog.Functions.Where(f => f.Trigger != TriggerKind.Http))
        {
            if (!handlers.TryGetValue(function.Name, out var handler))
            {
                continue;
            }

            endpoints.MapPost("/" + function.Name, (HttpRequest request, CancellationToken cancellationToken) => InvokeAsync(handler, request, cancellationToken))
                .WithName("invoke-" + function.Name)
                .ExcludeFromDescription();
        }

        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(IFunctionHandler handler, HttpRequest request, CancellationToken cancellationToken)
    {
        InvocationRequest? invocation;
        try
        {
            invocation = request.ContentLength == 0
                ? new InvocationRequest(null, null)
                : await JsonSerializer.DeserializeAsync<InvocationRequest>(request.Body, RequestJson, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The invocation body is not valid JSON.", detail: exception.Message);
        }

        var logs = await handler.InvokeAsync(invocation ?? new InvocationRequest(null, null), cancellationToken);
        return Results.Json(new InvocationResponse { Logs = logs });
    }
}
