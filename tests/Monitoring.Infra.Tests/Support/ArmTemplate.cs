using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Monitoring.Infra.Tests.Support;

/// <summary>
/// A compiled ARM template with its parameters bound: evaluates the template language expressions Bicep emits
/// (<c>[format('{0}/x', parameters('p'))]</c>, copy loops, <c>if</c>, <c>createObject</c>...) the way Resource Manager
/// would, so tests can assert on what a deployment would create. It knows the functions the modules under test use
/// and fails loudly on any other; <c>listKeys</c> answers a fixed, fake key.
/// </summary>
internal sealed class ArmTemplate
{
    /// <summary>What <c>listKeys(...)</c> returns as every key.</summary>
    public const string FakeKey = "fake-host-key-for-tests";

    private readonly JsonObject template;
    private readonly Dictionary<string, JsonNode?> parameters;
    private readonly Dictionary<string, JsonNode?> variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Stack<(string Loop, int Index)> copyIndices = new();

    public ArmTemplate(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        this.template = template;
        var bound = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, definition) in template["parameters"]?.AsObject() ?? [])
        {
            if (parameters.TryGetValue(name, out var value))
            {
                bound[name] = value?.DeepClone();
            }
            else if (definition?["defaultValue"] is { } fallback)
            {
                bound[name] = fallback.DeepClone();
            }
            else
            {
                throw new ArgumentException($"The template needs the parameter '{name}'.", nameof(parameters));
            }
        }

        var unknown = parameters.Keys.Where(k => !bound.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"The template has no parameter(s) {string.Join(", ", unknown)}.", nameof(parameters));
        }

        this.parameters = bound;
    }

    /// <summary>The resources (symbolic-name or array form), each with every expression evaluated; conditions that are false leave it out.</summary>
    public IReadOnlyList<JsonObject> Resources()
    {
        var resources = template["resources"] switch
        {
            JsonObject named => named.Select(p => p.Value!.AsObject()),
            JsonArray list => list.Select(r => r!.AsObject()),
            _ => [],
        };

        return [.. resources
            .Where(r => r["existing"]?.GetValue<bool>() != true)
            .Where(r => r["condition"] is null || Evaluate(r["condition"]!.DeepClone())!.GetValue<bool>())
            .Select(r => Evaluate(r.DeepClone())!.AsObject())];
    }

    /// <summary>The resources of <paramref name="type"/>, evaluated.</summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        [.. Resources().Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The value of each output, evaluated.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Outputs() =>
        (template["outputs"]?.AsObject() ?? []).ToDictionary(o => o.Key, o => Evaluate(o.Value!["value"]?.DeepClone()), StringComparer.Ordinal);

    /// <summary>The resource id Resource Manager would give a resource of <paramref name="type"/> named <paramref name="names"/> in the test's resource group.</summary>
    public static string ResourceId(string type, params string[] names)
    {
        var segments = type.Split('/');
        var path = new StringBuilder("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/").Append(segments[0]);
        for (var i = 1; i < segments.Length; i++)
        {
            path.Append('/').Append(segments[i]).Append('/').Append(names[i - 1]);
        }

        return path.ToString();
    }

    private JsonNode? Evaluate(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (name == "copy" && value is JsonArray loops)
                    {
                        foreach (var loop in loops)
                        {
                            result[(string)loop!["name"]!] = Copy(loop.AsObject());
                        }

                        continue;
                    }

                    result[name] = Evaluate(value);
                }

                return result;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Evaluate(item?.DeepClone()))]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (text.StartsWith("[[", StringComparison.Ordinal))
                {
                    return JsonValue.Create(text[1..]);
                }

                return text.StartsWith('[') && text.EndsWith(']') ? new Parser(this, text[1..^1]).ParseAll() : JsonValue.Create(text);
            default:
                return node?.DeepClone();
        }
    }

    private JsonArray Copy(JsonObject loop)
    {
        var name = (string)loop["name"]!;
        var count = Evaluate(loop["count"]!.DeepClone())!.GetValue<int>();
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            copyIndices.Push((name, i));
            items.Add(Evaluate(loop["input"]!.DeepClone()));
            copyIndices.Pop();
        }

        return items;
    }

    private JsonNode? Variable(string name)
    {
        if (variables.TryGetValue(name, out var known))
        {
            return known?.DeepClone();
        }

        var definitions = template["variables"]?.AsObject() ?? [];
        var loop = (definitions["copy"] as JsonArray)?.FirstOrDefault(l => string.Equals((string?)l!["name"], name, StringComparison.OrdinalIgnoreCase));
        var value = loop is not null
            ? Copy(loop.AsObject())
            : Evaluate(definitions.FirstOrDefault(v => string.Equals(v.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.DeepClone()
                ?? throw new InvalidOperationException($"The template has no variable '{name}'."));
        variables[name] = value;
        return value?.DeepClone();
    }

    private JsonNode? Call(string function, IReadOnlyList<Func<JsonNode?>> args)
    {
        string Text(int i) => args[i]()!.GetValue<string>();
        return function.ToLowerInvariant() switch
        {
            "parameters" => parameters.TryGetValue(Text(0), out var value) ? value?.DeepClone() : throw new InvalidOperationException($"No parameter '{Text(0)}'."),
            "variables" => Variable(Text(0)),
            "format" => JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(0), [.. args.Skip(1).Select(a => (object?)Scalar(a()))])),
            "concat" => JsonValue.Create(string.Concat(args.Select(a => Scalar(a())))),
            "tolower" => JsonValue.Create(Text(0).ToLowerInvariant()),
            "add" => JsonValue.Create(args[0]()!.GetValue<int>() + args[1]()!.GetValue<int>()),
            "length" => JsonValue.Create(args[0]() switch { JsonArray a => a.Count, JsonObject o => o.Count, var v => v!.GetValue<string>().Length }),
            "empty" => JsonValue.Create(args[0]() switch { null => true, JsonArray a => a.Count == 0, JsonObject o => o.Count == 0, var v => v.GetValue<string>().Length == 0 }),
            "not" => JsonValue.Create(!args[0]()!.GetValue<bool>()),
            "if" => args[0]()!.GetValue<bool>() ? args[1]() : args[2](),
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "createarray" => new JsonArray([.. args.Select(a => a())]),
            "createobject" => CreateObject(args),
            "copyindex" => JsonValue.Create(CopyIndex(args.Count == 0 ? null : Text(0))),
            "resourceid" => JsonValue.Create(ResourceId(Text(0), [.. args.Skip(1).Select(a => Scalar(a()))])),
            "listkeys" => ListKeys(Text(0)),
            _ => throw new NotSupportedException($"The test's template evaluator does not know the function '{function}'."),
        };
    }

    private static JsonObject CreateObject(IReadOnlyList<Func<JsonNode?>> args)
    {
        var result = new JsonObject();
        for (var i = 0; i < args.Count; i += 2)
        {
            result[args[i]()!.GetValue<string>()] = args[i + 1]();
        }

        return result;
    }

    private int CopyIndex(string? loop)
    {
        foreach (var (name, index) in copyIndices)
        {
            if (loop is null || string.Equals(name, loop, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        throw new InvalidOperationException($"copyIndex('{loop}') outside its loop.");
    }

    private static JsonObject ListKeys(string resourceId) => resourceId.EndsWith("/host/default", StringComparison.OrdinalIgnoreCase)
        ? new JsonObject { ["masterKey"] = FakeKey, ["functionKeys"] = new JsonObject { ["default"] = FakeKey } }
        : throw new NotSupportedException($"listKeys of '{resourceId}' is not faked.");

    private static string Scalar(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "True" : "False",
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>A recursive-descent reader of one expression: calls, string and integer literals, <c>.member</c> and <c>[index]</c>.</summary>
    private sealed class Parser(ArmTemplate owner, string text)
    {
        private int position;

        public JsonNode? ParseAll()
        {
            var value = Expression()();
            Skip();
            return position == text.Length ? value : throw Error("unexpected text");
        }

        // Returns a thunk, so if() evaluates only the branch it takes, as Resource Manager does.
        private Func<JsonNode?> Expression()
        {
            Skip();
            Func<JsonNode?> value;
            if (Peek() == '\'')
            {
                var literal = StringLiteral();
                value = () => JsonValue.Create(literal);
            }
            else if (char.IsDigit(Peek()) || Peek() == '-')
            {
                var start = position++;
                while (position < text.Length && char.IsDigit(text[position]))
                {
                    position++;
                }

                var number = int.Parse(text.AsSpan(start, position - start), CultureInfo.InvariantCulture);
                value = () => JsonValue.Create(number);
            }
            else
            {
                var name = Identifier();
                Expect('(');
                var args = new List<Func<JsonNode?>>();
                Skip();
                if (Peek() != ')')
                {
                    do
                    {
                        args.Add(Expression());
                        Skip();
                    }
                    while (TryTake(','));
                }

                Expect(')');
                value = () => owner.Call(name, args);
            }

            while (true)
            {
                Skip();
                if (TryTake('.'))
                {
                    var member = Identifier();
                    var target = value;
                    value = () => target()?[member]?.DeepClone();
                }
                else if (TryTake('['))
                {
                    var index = Expression();
                    Expect(']');
                    var target = value;
                    value = () =>
                    {
                        var key = index();
                        return target() switch
                        {
                            JsonArray array => array[key!.GetValue<int>()]?.DeepClone(),
                            JsonObject obj => obj[key!.GetValue<string>()]?.DeepClone(),
                            _ => throw new InvalidOperationException("Indexing a value that is neither an array nor an object."),
                        };
                    };
                }
                else
                {
                    return value;
                }
            }
        }

        private string StringLiteral()
        {
            Expect('\'');
            var result = new StringBuilder();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("unterminated string");
                }

                var c = text[position++];
                if (c == '\'')
                {
                    if (position < text.Length && text[position] == '\'')
                    {
                        result.Append('\'');
                        position++;
                        continue;
                    }

                    return result.ToString();
                }

                result.Append(c);
            }
        }

        private string Identifier()
        {
            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            return position > start ? text[start..position] : throw Error("expected a name");
        }

        private char Peek() => position < text.Length ? text[position] : '\0';

        private bool TryTake(char c)
        {
            Skip();
            if (Peek() != c)
            {
                return false;
            }

            position++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw Error($"expected '{c}'");
            }
        }

        private void Skip()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private InvalidOperationException Error(string what) => new($"Cannot read the template expression [{text}]: {what} at {position}.");
    }
}
