using System.Collections.Immutable;
using System.Text.Json;

namespace Monitoring.Functions.Invocation;

/// <summary>
/// The functions declared by the <c>function.json</c> files next to the app. The Functions host
/// reads the same files, so the local scheduler and the host can never disagree on schedules.
/// </summary>
public sealed class FunctionCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private FunctionCatalog(ImmutableArray<FunctionDefinition> functions) => Functions = functions;

    /// <summary>Every function, ordered by name.</summary>
    public ImmutableArray<FunctionDefinition> Functions { get; }

    /// <summary>The function called <paramref name="name"/> (case-insensitive, as the host treats names), or null.</summary>
    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads every <c>*/function.json</c> under <paramref name="appRoot"/>.</summary>
    /// <exception cref="InvalidOperationException">A function.json is malformed or has no trigger.</exception>
    public static FunctionCatalog Load(string appRoot)
    {
        var functions = ImmutableArray.CreateBuilder<FunctionDefinition>();
        foreach (var directory in Directory.EnumerateDirectories(appRoot).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(directory, "function.json");
            if (!File.Exists(file))
            {
                continue;
            }

            functions.Add(Parse(Path.GetFileName(directory), File.ReadAllText(file)));
        }

        return new FunctionCatalog(functions.ToImmutable());
    }

    /// <summary>Parses one function.json.</summary>
    internal static FunctionDefinition Parse(string name, string json)
    {
        FunctionJson? document;
        try
        {
            document = JsonSerializer.Deserialize<FunctionJson>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"The function.json of '{name}' is not valid JSON: {exception.Message}", exception);
        }

        var bindings = document?.Bindings ?? [];
        var trigger = bindings.FirstOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"The function.json of '{name}' has no trigger binding.");
        var kind = trigger.Type.ToUpperInvariant() switch
        {
            "TIMERTRIGGER" => TriggerKind.Timer,
            "HTTPTRIGGER" => TriggerKind.Http,
            "QUEUETRIGGER" => TriggerKind.Queue,
            _ => throw new InvalidOperationException($"The function.json of '{name}' has an unsupported trigger '{trigger.Type}'."),
        };

        if (kind == TriggerKind.Timer && string.IsNullOrWhiteSpace(trigger.Schedule))
        {
            throw new InvalidOperationException($"The timer function '{name}' has no schedule.");
        }

        return new FunctionDefinition(name, kind, trigger, bindings);
    }

    private sealed record FunctionJson(IReadOnlyList<BindingDefinition>? Bindings);
}
