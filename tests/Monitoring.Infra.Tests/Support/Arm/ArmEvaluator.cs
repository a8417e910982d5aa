using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Monitoring.Infra.Tests.Support.Arm;

/// <summary>
/// Evaluates template values and ARM expressions in one deployment: the template functions Bicep emits (format,
/// union, createObject, if, copyIndex, lambdas over toObject/map/filter, resourceId and friends, reference to module
/// outputs). Functions that only a deployment can answer yield <see cref="Runtime"/> values instead of failing, so a
/// template using something new still evaluates.
/// </summary>
internal sealed class ArmEvaluator(ArmDeployment deployment)
{
    /// <summary>Evaluates <paramref name="value"/> deeply: expression strings, expression keys and property copy loops.</summary>
    public JsonNode? Evaluate(JsonNode? value, ArmScope scope)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonValue leaf when leaf.TryGetValue<string>(out var text):
                return ArmExpression.IsExpression(text) ? Evaluate(ArmExpression.Parse(text), scope) : JsonValue.Create(ArmExpression.Unescape(text));
            case JsonValue leaf:
                return leaf.DeepClone();
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Evaluate(item, scope))]);
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, item) in obj)
                {
                    if (key == "copy" && item is JsonArray loops)
                    {
                        foreach (var loop in loops.OfType<JsonObject>())
                        {
                            result[(string)loop["name"]!] = ExpandCopy(loop, scope);
                        }

                        continue;
                    }

                    result[EvaluateKey(key, scope)] = Evaluate(item, scope);
                }

                return result;
            default:
                throw new InvalidOperationException("Unexpected JSON node " + value.GetType().Name);
        }
    }

    /// <summary>An object key, which may itself be an expression.</summary>
    public string EvaluateKey(string key, ArmScope scope) =>
        ArmExpression.IsExpression(key) ? Text(Evaluate(ArmExpression.Parse(key), scope)) : ArmExpression.Unescape(key);

    /// <summary>A copy loop (<c>{name, count, input}</c>) as the array it produces.</summary>
    public JsonArray ExpandCopy(JsonObject loop, ArmScope scope)
    {
        var name = (string?)loop["name"] ?? string.Empty;
        var count = Evaluate(loop["count"], scope)!.GetValue<long>();
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            items.Add(Evaluate(loop["input"], scope.WithCopyIndex(name, i)));
        }

        return items;
    }

    /// <summary>Evaluates a parsed expression.</summary>
    public JsonNode? Evaluate(ArmExpression expression, ArmScope scope) => expression switch
    {
        ArmExpression.Literal literal => literal.Value?.DeepClone(),
        ArmExpression.Member member => Member(Evaluate(member.Target, scope), member.Name),
        ArmExpression.Index index => Index(Evaluate(index.Target, scope), Evaluate(index.Key, scope)),
        ArmExpression.Call call => Call(call, scope),
        _ => throw new InvalidOperationException("Unexpected expression " + expression),
    };

    private static JsonNode? Member(JsonNode? target, string name) => target switch
    {
        _ when Runtime.IsRuntime(target) => Runtime.Member(target!, name),
        JsonObject obj => obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
            ? found.Value?.DeepClone()
            : throw new InvalidOperationException($"The object has no property '{name}': {obj.ToJsonString()}"),
        _ => throw new InvalidOperationException($"Cannot read '{name}' of {target?.ToJsonString() ?? "null"}."),
    };

    private static JsonNode? Index(JsonNode? target, JsonNode? key) => target switch
    {
        _ when Runtime.IsRuntime(target) => Runtime.Create($"{Runtime.Describe(target!)}[{key?.ToJsonString()}]"),
        JsonArray array => array[(int)key!.GetValue<long>()]?.DeepClone(),
        JsonObject => Member(target, Text(key)),
        _ => throw new InvalidOperationException($"Cannot index {target?.ToJsonString() ?? "null"}."),
    };

    private JsonNode? Call(ArmExpression.Call call, ArmScope scope)
    {
        var name = call.Name.ToLowerInvariant();
        switch (name)
        {
            // Lazy ones first: they must not evaluate every argument.
            case "if":
                return IsTrue(Evaluate(call.Arguments[0], scope)) ? Evaluate(call.Arguments[1], scope) : Evaluate(call.Arguments[2], scope);
            case "and":
                return JsonValue.Create(call.Arguments.All(a => IsTrue(Evaluate(a, scope))));
            case "or":
                return JsonValue.Create(call.Arguments.Any(a => IsTrue(Evaluate(a, scope))));
            case "coalesce":
                return call.Arguments.Select(a => Evaluate(a, scope)).FirstOrDefault(v => v is not null);
            case "tomap" or "toobject":
                return ToObject(call, scope);
            case "map":
                return new JsonArray([.. Items(Evaluate(call.Arguments[0], scope)).Select((item, i) => Apply(call.Arguments[1], scope, item, i))]);
            case "filter":
                return new JsonArray([.. Items(Evaluate(call.Arguments[0], scope)).Where((item, i) => IsTrue(Apply(call.Arguments[1], scope, item, i))).Select(i => i?.DeepClone())]);
            case "reduce":
                var accumulator = Evaluate(call.Arguments[1], scope);
                var position = 0;
                foreach (var item in Items(Evaluate(call.Arguments[0], scope)))
                {
                    accumulator = Apply(call.Arguments[2], scope, [accumulator, item, JsonValue.Create(position++)]);
                }

                return accumulator;
            case "lambda":
                throw new InvalidOperationException("A lambda is only valid as an argument of toObject, map, filter or reduce.");
        }

        var args = call.Arguments.Select(a => Evaluate(a, scope)).ToList();
        switch (name)
        {
            case "parameters":
                return deployment.Parameter(Text(args[0]));
            case "variables":
                return deployment.Variable(Text(args[0]));
            case "lambdavariables":
                return scope.LambdaVariables.TryGetValue(Text(args[0]), out var bound) ? bound?.DeepClone() : throw new InvalidOperationException("Unbound lambda variable " + Text(args[0]));
            case "copyindex":
                return CopyIndex(args, scope);
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
            case "null":
                return null;
            case "format":
                return JsonValue.Create(Format(Text(args[0]), args.Skip(1).ToList()));
            case "concat":
                return args.Count > 0 && args[0] is JsonArray
                    ? new JsonArray([.. args.SelectMany(a => ((JsonArray)a!).Select(i => i?.DeepClone()))])
                    : JsonValue.Create(string.Concat(args.Select(Text)));
            case "string":
                return JsonValue.Create(Text(args[0]));
            case "int":
                return JsonValue.Create(args[0] is JsonValue v && v.TryGetValue<string>(out var s) ? long.Parse(s, CultureInfo.InvariantCulture) : args[0]!.GetValue<long>());
            case "bool":
                return JsonValue.Create(args[0] is JsonValue b && b.TryGetValue<string>(out var bs) ? bool.Parse(bs) : args[0]!.GetValue<bool>());
            case "json":
                return JsonNode.Parse(Text(args[0]));
            case "tolower":
                return Runtime.IsRuntime(args[0]) ? args[0] : JsonValue.Create(Text(args[0]).ToLowerInvariant());
            case "toupper":
                return Runtime.IsRuntime(args[0]) ? args[0] : JsonValue.Create(Text(args[0]).ToUpperInvariant());
            case "trim":
                return JsonValue.Create(Text(args[0]).Trim());
            case "replace":
                return JsonValue.Create(Text(args[0]).Replace(Text(args[1]), Text(args[2]), StringComparison.Ordinal));
            case "split":
                return new JsonArray([.. Text(args[0]).Split(Text(args[1])).Select(p => (JsonNode)JsonValue.Create(p))]);
            case "startswith":
                return JsonValue.Create(Text(args[0]).StartsWith(Text(args[1]), StringComparison.OrdinalIgnoreCase));
            case "endswith":
                return JsonValue.Create(Text(args[0]).EndsWith(Text(args[1]), StringComparison.OrdinalIgnoreCase));
            case "substring":
                return JsonValue.Create(args.Count > 2 ? Text(args[0]).Substring((int)args[1]!.GetValue<long>(), (int)args[2]!.GetValue<long>()) : Text(args[0])[(int)args[1]!.GetValue<long>()..]);
            case "take":
                return args[0] is JsonArray toTake
                    ? new JsonArray([.. toTake.Take((int)args[1]!.GetValue<long>()).Select(i => i?.DeepClone())])
                    : JsonValue.Create(new string([.. Text(args[0]).Take((int)args[1]!.GetValue<long>())]));
            case "skip":
                return args[0] is JsonArray toSkip
                    ? new JsonArray([.. toSkip.Skip((int)args[1]!.GetValue<long>()).Select(i => i?.DeepClone())])
                    : JsonValue.Create(new string([.. Text(args[0]).Skip((int)args[1]!.GetValue<long>())]));
            case "first":
                return args[0] is JsonArray firstOf ? firstOf.FirstOrDefault()?.DeepClone() : JsonValue.Create(Text(args[0])[..1]);
            case "last":
                return args[0] is JsonArray lastOf ? lastOf.LastOrDefault()?.DeepClone() : JsonValue.Create(Text(args[0])[^1..]);
            case "length":
                return JsonValue.Create((long)(args[0] switch
                {
                    JsonArray a => a.Count,
                    JsonObject o => o.Count,
                    _ => Text(args[0]).Length,
                }));
            case "empty":
                return JsonValue.Create(IsEmpty(args[0]));
            case "not":
                return JsonValue.Create(!IsTrue(args[0]));
            case "equals":
                return JsonValue.Create(JsonNode.DeepEquals(args[0], args[1]));
            case "greater":
                return JsonValue.Create(Compare(args[0], args[1]) > 0);
            case "greaterorequals":
                return JsonValue.Create(Compare(args[0], args[1]) >= 0);
            case "less":
                return JsonValue.Create(Compare(args[0], args[1]) < 0);
            case "lessorequals":
                return JsonValue.Create(Compare(args[0], args[1]) <= 0);
            case "contains":
                return JsonValue.Create(args[0] switch
                {
                    JsonArray a => a.Any(i => JsonNode.DeepEquals(i, args[1])),
                    JsonObject o => o.ContainsKey(Text(args[1])),
                    _ => Text(args[0]).Contains(Text(args[1]), StringComparison.Ordinal),
                });
            case "createobject":
                var created = new JsonObject();
                for (var i = 0; i + 1 < args.Count; i += 2)
                {
                    created[Text(args[i])] = args[i + 1];
                }

                return created;
            case "createarray":
                return new JsonArray([.. args]);
            case "union":
                return args.Skip(1).Aggregate(args[0], Union);
            case "items":
                return new JsonArray([.. ((JsonObject)args[0]!).Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() })]);
            case "range":
                return new JsonArray([.. Enumerable.Range((int)args[0]!.GetValue<long>(), (int)args[1]!.GetValue<long>()).Select(i => (JsonNode)JsonValue.Create((long)i))]);
            case "tryget":
                return args[0] is JsonObject tryObject
                    ? tryObject.FirstOrDefault(p => string.Equals(p.Key, Text(args[1]), StringComparison.OrdinalIgnoreCase)).Value?.DeepClone()
                    : args[0] is JsonArray tryArray && args[1]!.GetValue<long>() < tryArray.Count ? tryArray[(int)args[1]!.GetValue<long>()]?.DeepClone() : null;
            case "uniquestring":
                return JsonValue.Create(Hash(args).ToLowerInvariant()[..13]);
            case "guid":
                return JsonValue.Create(new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", args.Select(Text))))[..16]).ToString());
            case "subscription":
                return new JsonObject
                {
                    ["id"] = $"/subscriptions/{ArmDeployment.SubscriptionId}",
                    ["subscriptionId"] = ArmDeployment.SubscriptionId,
                    ["tenantId"] = ArmDeployment.TenantId,
                    ["displayName"] = "test subscription",
                };
            case "tenant":
                return new JsonObject { ["tenantId"] = ArmDeployment.TenantId, ["id"] = $"/tenants/{ArmDeployment.TenantId}" };
            case "resourcegroup":
                return deployment.ResourceGroup is { } group
                    ? new JsonObject
                    {
                        ["id"] = deployment.ScopeId,
                        ["name"] = group,
                        ["location"] = Runtime.Create("resourceGroup().location"),
                        ["type"] = "Microsoft.Resources/resourceGroups",
                    }
                    : throw new InvalidOperationException("resourceGroup() at subscription scope.");
            case "deployment":
                return new JsonObject { ["name"] = deployment.Name, ["properties"] = new JsonObject() };
            case "environment":
                return new JsonObject
                {
                    ["name"] = "AzureCloud",
                    ["resourceManager"] = "https://management.azure.com/",
                    ["authentication"] = new JsonObject { ["loginEndpoint"] = "https://login.microsoftonline.com/" },
                    ["suffixes"] = new JsonObject { ["storage"] = "core.windows.net", ["keyvaultDns"] = ".vault.azure.net" },
                };
            case "resourceid":
                return JsonValue.Create(ResourceId(args.Select(Text).ToList()));
            case "subscriptionresourceid":
                return JsonValue.Create(SubscriptionResourceId(args.Select(Text).ToList()));
            case "tenantresourceid":
                return JsonValue.Create("/providers/" + ArmDeployment.ProviderPath(Text(args[0]), args.Skip(1).Select(Text).ToList()));
            case "extensionresourceid":
                return JsonValue.Create($"{Text(args[0])}/providers/{ArmDeployment.ProviderPath(Text(args[1]), args.Skip(2).Select(Text).ToList())}");
            case "reference":
                return Reference(Text(args[0]), args.Count > 2 && string.Equals(Text(args[2]), "full", StringComparison.OrdinalIgnoreCase));
            default:
                // Only a deployment knows: list*(), utcNow(), newGuid(), pickZones() and the like.
                return Runtime.Create($"{call.Name}({string.Join(", ", args.Select(a => a?.ToJsonString() ?? "null"))})");
        }
    }

    private JsonNode? Reference(string target, bool full)
    {
        var id = target.StartsWith('/') ? target : deployment.SymbolicResourceId(target) ?? target;
        if (deployment.ModuleReference(id) is { } module)
        {
            return full ? new JsonObject { ["properties"] = module } : module;
        }

        return Runtime.Create($"reference({id})" + (full ? ".full" : string.Empty));
    }

    private JsonObject ToObject(ArmExpression.Call call, ArmScope scope)
    {
        var result = new JsonObject();
        foreach (var item in Items(Evaluate(call.Arguments[0], scope)))
        {
            var key = Text(Apply(call.Arguments[1], scope, item, null));
            result[key] = call.Arguments.Count > 2 ? Apply(call.Arguments[2], scope, item, null) : item?.DeepClone();
        }

        return result;
    }

    private JsonNode? Apply(ArmExpression lambda, ArmScope scope, JsonNode? item, int? index) =>
        Apply(lambda, scope, index is { } i ? [item, JsonValue.Create((long)i)] : [item]);

    private JsonNode? Apply(ArmExpression lambda, ArmScope scope, IReadOnlyList<JsonNode?> values)
    {
        if (lambda is not ArmExpression.Call { Name: var name } call || !string.Equals(name, "lambda", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("A lambda was expected, not " + lambda);
        }

        var names = call.Arguments.Take(call.Arguments.Count - 1).Select(a => Text(Evaluate(a, scope))).ToList();
        var inner = scope;
        for (var i = 0; i < names.Count && i < values.Count; i++)
        {
            inner = inner.WithLambdaVariable(names[i], values[i]?.DeepClone());
        }

        return Evaluate(call.Arguments[^1], inner);
    }

    private string ResourceId(List<string> args)
    {
        var typeAt = IndexOfType(args);
        var type = args[typeAt];
        var names = args.Skip(typeAt + 1).ToList();
        return typeAt switch
        {
            0 => deployment.ResourceId(type, names),
            1 => $"/subscriptions/{ArmDeployment.SubscriptionId}/resourceGroups/{args[0]}/providers/{ArmDeployment.ProviderPath(type, names)}",
            _ => $"/subscriptions/{args[0]}/resourceGroups/{args[1]}/providers/{ArmDeployment.ProviderPath(type, names)}",
        };
    }

    private static string SubscriptionResourceId(List<string> args)
    {
        var typeAt = IndexOfType(args);
        var subscription = typeAt == 0 ? ArmDeployment.SubscriptionId : args[0];
        return $"/subscriptions/{subscription}/providers/{ArmDeployment.ProviderPath(args[typeAt], args.Skip(typeAt + 1).ToList())}";
    }

    private static int IndexOfType(List<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Contains('/', StringComparison.Ordinal) && args[i].Contains('.', StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException("No resource type among " + string.Join(", ", args));
    }

    private static JsonValue CopyIndex(List<JsonNode?> args, ArmScope scope)
    {
        var loop = args.Count > 0 && args[0] is JsonValue v && v.TryGetValue<string>(out var named) ? named : string.Empty;
        var offset = args.LastOrDefault() is JsonValue o && o.TryGetValue<long>(out var n) ? n : 0;
        return scope.CopyIndexes.TryGetValue(loop, out var index)
            ? JsonValue.Create(index + offset)
            : throw new InvalidOperationException($"copyIndex('{loop}') outside its loop.");
    }

    private static JsonNode? Union(JsonNode? left, JsonNode? right) => (left, right) switch
    {
        (JsonObject l, JsonObject r) => Merge(l, r),
        (JsonArray l, JsonArray r) => new JsonArray([.. l.Concat(r).Select(i => i?.ToJsonString()).Distinct().Select(i => i is null ? null : JsonNode.Parse(i))]),
        _ => throw new InvalidOperationException($"union of {left?.ToJsonString()} and {right?.ToJsonString()}"),
    };

    private static JsonObject Merge(JsonObject left, JsonObject right)
    {
        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
        {
            merged[key] = merged[key] is JsonObject l && value is JsonObject r ? Merge(l, r) : value?.DeepClone();
        }

        return merged;
    }

    private static JsonArray Items(JsonNode? value) => value is JsonArray array
        ? array
        : throw new InvalidOperationException("An array was expected, not " + (value?.ToJsonString() ?? "null"));

    private static string Format(string format, List<JsonNode?> args)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                builder.Append('{');
                i++;
            }
            else if (format[i] == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                builder.Append('}');
                i++;
            }
            else if (format[i] == '{')
            {
                var end = format.IndexOf('}', i);
                var spec = format[(i + 1)..end].Split(':')[0];
                builder.Append(Text(args[int.Parse(spec, CultureInfo.InvariantCulture)]));
                i = end;
            }
            else
            {
                builder.Append(format[i]);
            }
        }

        return builder.ToString();
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v => v.ToJsonString(),
        _ => value.ToJsonString(),
    };

    private static string Hash(IEnumerable<JsonNode?> args) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", args.Select(Text)))));

    private static int Compare(JsonNode? left, JsonNode? right) =>
        left is JsonValue l && right is JsonValue r && l.TryGetValue<long>(out var a) && r.TryGetValue<long>(out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(Text(left), Text(right));

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        _ when Runtime.IsRuntime(value) => throw new InvalidOperationException($"empty() of a runtime value ({Runtime.Describe(value)}) cannot be decided offline."),
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        _ => false,
    };

    private static bool IsTrue(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<bool>(out var b)
            ? b
            : throw new InvalidOperationException($"A boolean was expected, not {value?.ToJsonString() ?? "null"}.");
}
