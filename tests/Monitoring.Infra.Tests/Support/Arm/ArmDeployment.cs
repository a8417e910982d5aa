using System.Text.Json.Nodes;

namespace Monitoring.Infra.Tests.Support.Arm;

/// <summary>
/// A compiled ARM template (what <c>bicep build</c> writes) evaluated offline for given parameters: its resources with
/// copy loops expanded and expressions evaluated, its modules (nested deployments) evaluated the same way with the
/// parameter values the parent passes, and its outputs. Values only a deployment knows become <see cref="Runtime"/>
/// values; a module's outputs are resolved where the parent reads them, so wiring across modules can be checked.
/// </summary>
internal sealed class ArmDeployment
{
    /// <summary>The subscription id every evaluation deploys to.</summary>
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000a5b1";

    /// <summary>The tenant id every evaluation deploys to.</summary>
    public const string TenantId = "00000000-0000-0000-0000-0000000071d0";

    private readonly JsonObject _template;
    private readonly Func<string, (bool Given, JsonNode? Value)> _parameter;
    private readonly Dictionary<string, JsonNode?> _parameters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _evaluating = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<IReadOnlyList<ArmResource>> _resources;
    private readonly Lazy<IReadOnlyDictionary<string, JsonNode?>> _outputs;
    private readonly Lazy<Dictionary<string, Lazy<ArmDeployment>>> _modules;

    private ArmDeployment(JsonObject template, string name, string? resourceGroup, bool deployed, Func<string, (bool Given, JsonNode? Value)> parameter)
    {
        _template = template;
        Name = name;
        ResourceGroup = resourceGroup;
        Deployed = deployed;
        _parameter = parameter;
        _resources = new Lazy<IReadOnlyList<ArmResource>>(ExpandResources);
        _outputs = new Lazy<IReadOnlyDictionary<string, JsonNode?>>(EvaluateOutputs);
        _modules = new Lazy<Dictionary<string, Lazy<ArmDeployment>>>(IndexModules);
    }

    /// <summary>The deployment's name (<c>main</c> for the top level, the module's deployment name otherwise).</summary>
    public string Name { get; }

    /// <summary>The resource group it deploys into; null at subscription scope.</summary>
    public string? ResourceGroup { get; }

    /// <summary>False when the module's condition is false.</summary>
    public bool Deployed { get; }

    /// <summary>Its own resources (modules included, as <c>Microsoft.Resources/deployments</c>), copy loops expanded.</summary>
    public IReadOnlyList<ArmResource> Resources => _resources.Value;

    /// <summary>Its outputs, evaluated.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Outputs => _outputs.Value;

    /// <summary>The template's declared parameters.</summary>
    public JsonObject ParameterDeclarations => _template["parameters"] as JsonObject ?? [];

    /// <summary>Evaluates <paramref name="template"/> (a subscription- or resource-group-scoped template) with <paramref name="parameters"/>.</summary>
    public static ArmDeployment Evaluate(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameters, string? resourceGroup = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var given = new Dictionary<string, JsonNode?>(parameters, StringComparer.OrdinalIgnoreCase);
        return new ArmDeployment(template, "main", resourceGroup, deployed: true, name => given.TryGetValue(name, out var value) ? (true, value?.DeepClone()) : (false, null));
    }

    /// <summary>Every resource of this deployment and of its modules, depth first.</summary>
    public IEnumerable<ArmResource> AllResources()
    {
        foreach (var resource in Resources)
        {
            yield return resource;
            if (resource.Module is { } module)
            {
                foreach (var inner in module.AllResources())
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The module deployed under <paramref name="name"/>.</summary>
    public ArmDeployment Module(string name) =>
        Resources.Single(r => r.Module is not null && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)).Module!;

    /// <summary>The id of a resource of type <paramref name="type"/> named <paramref name="names"/> in this deployment's scope.</summary>
    public string ResourceId(string type, IReadOnlyList<string> names) =>
        string.Equals(type, "Microsoft.Resources/resourceGroups", StringComparison.OrdinalIgnoreCase) && ResourceGroup is null
            ? $"/subscriptions/{SubscriptionId}/resourceGroups/{names[0]}"
            : ScopeId + "/providers/" + ProviderPath(type, names);

    /// <summary>The id of the scope this deployment deploys to.</summary>
    public string ScopeId => ResourceGroup is null ? $"/subscriptions/{SubscriptionId}" : $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}";

    /// <summary><c>Namespace/type1/name1/type2/name2</c>.</summary>
    public static string ProviderPath(string type, IReadOnlyList<string> names)
    {
        var types = type.Split('/');
        if (types.Length - 1 != names.Count)
        {
            throw new InvalidOperationException($"Type {type} needs {types.Length - 1} names, got {names.Count}: {string.Join("/", names)}");
        }

        var parts = new List<string> { types[0] };
        for (var i = 1; i < types.Length; i++)
        {
            parts.Add(types[i]);
            parts.Add(names[i - 1]);
        }

        return string.Join("/", parts);
    }

    /// <summary>Evaluates a template value (deeply) in this deployment.</summary>
    internal JsonNode? EvaluateValue(JsonNode? value, ArmScope? scope = null) =>
        new ArmEvaluator(this).Evaluate(value, scope ?? ArmScope.Empty);

    /// <summary>A parameter's value: the given one, else its default.</summary>
    internal JsonNode? Parameter(string name)
    {
        if (_parameters.TryGetValue(name, out var cached))
        {
            return cached?.DeepClone();
        }

        var (given, value) = _parameter(name);
        if (!given)
        {
            var declaration = ParameterDeclarations[name] as JsonObject
                ?? throw new InvalidOperationException($"Deployment {Name} has no parameter '{name}'.");
            value = declaration.TryGetPropertyValue("defaultValue", out var defaultValue)
                ? Guarded("parameter " + name, () => EvaluateValue(defaultValue))
                : throw new InvalidOperationException($"Deployment {Name}: parameter '{name}' has no value and no default.");
        }

        _parameters[name] = value;
        return value?.DeepClone();
    }

    /// <summary>A variable's value.</summary>
    internal JsonNode? Variable(string name)
    {
        if (_variables.TryGetValue(name, out var cached))
        {
            return cached?.DeepClone();
        }

        var variables = _template["variables"] as JsonObject ?? [];
        JsonNode? value;
        if (variables.TryGetPropertyValue(name, out var declared))
        {
            value = Guarded("variable " + name, () => EvaluateValue(declared));
        }
        else if (variables["copy"] is JsonArray loops && loops.OfType<JsonObject>().FirstOrDefault(l => string.Equals((string?)l["name"], name, StringComparison.OrdinalIgnoreCase)) is { } loop)
        {
            value = Guarded("variable " + name, () => new ArmEvaluator(this).ExpandCopy(loop, ArmScope.Empty));
        }
        else
        {
            throw new InvalidOperationException($"Deployment {Name} has no variable '{name}'.");
        }

        _variables[name] = value;
        return value?.DeepClone();
    }

    /// <summary>The outputs of the module whose deployment id is <paramref name="id"/>, shaped as <c>reference()</c> returns them; null when it is not a module of this deployment.</summary>
    internal JsonNode? ModuleReference(string id)
    {
        if (!_modules.Value.TryGetValue(id, out var module))
        {
            return null;
        }

        var outputs = new JsonObject();
        foreach (var (name, value) in module.Value.Outputs)
        {
            outputs[name] = new JsonObject { ["value"] = value?.DeepClone() };
        }

        return new JsonObject { ["outputs"] = outputs };
    }

    /// <summary>The id of a resource this template declares under the symbolic name <paramref name="symbol"/> (language version 2.0 templates).</summary>
    internal string? SymbolicResourceId(string symbol)
    {
        if (_template["resources"] is not JsonObject symbolic || symbolic[symbol] is not JsonObject resource)
        {
            return null;
        }

        var scope = ArmScope.Empty;
        var type = (string)resource["type"]!;
        var name = EvaluateValue(resource["name"], scope)!.GetValue<string>();
        return ResourceIdOf(resource, type, name, scope);
    }

    private T Guarded<T>(string what, Func<T> evaluate)
    {
        if (!_evaluating.Add(what))
        {
            throw new InvalidOperationException($"Deployment {Name}: {what} refers to itself.");
        }

        try
        {
            return evaluate();
        }
        finally
        {
            _evaluating.Remove(what);
        }
    }

    private IEnumerable<JsonObject> TemplateResources() => _template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    // Each declared resource once per copy index, in declaration order.
    private IEnumerable<(JsonObject Resource, ArmScope Scope)> Instances()
    {
        foreach (var resource in TemplateResources())
        {
            if (resource["existing"] is JsonValue existing && existing.TryGetValue<bool>(out var isExisting) && isExisting)
            {
                continue;
            }

            if (resource["copy"] is JsonObject copy)
            {
                var count = EvaluateValue(copy["count"])!.GetValue<long>();
                var loop = (string?)copy["name"] ?? string.Empty;
                for (var i = 0; i < count; i++)
                {
                    yield return (resource, ArmScope.Empty.WithResourceCopyIndex(loop, i));
                }
            }
            else
            {
                yield return (resource, ArmScope.Empty);
            }
        }
    }

    private List<ArmResource> ExpandResources()
    {
        var resources = new List<ArmResource>();
        foreach (var (declared, scope) in Instances())
        {
            var evaluator = new ArmEvaluator(this);
            var deployed = Deployed && (declared["condition"] is not { } condition || IsTrue(evaluator.Evaluate(condition, scope)));
            var type = (string)declared["type"]!;
            var body = new JsonObject();
            foreach (var (key, value) in declared)
            {
                if (key is "copy" or "condition" or "dependsOn" or "existing")
                {
                    continue;
                }

                if (key == "properties" && IsDeployment(type))
                {
                    // A module's template is evaluated as its own deployment (Module); only its parameter values belong to this scope.
                    var properties = new JsonObject();
                    foreach (var (property, inner) in (JsonObject)value!)
                    {
                        if (property != "template")
                        {
                            properties[property] = evaluator.Evaluate(inner, scope);
                        }
                    }

                    body[key] = properties;
                    continue;
                }

                body[evaluator.EvaluateKey(key, scope)] = evaluator.Evaluate(value, scope);
            }

            var name = body["name"]!.GetValue<string>();
            var resource = new ArmResource(type, name, ResourceIdOf(declared, type, name, scope), body, deployed, this);
            if (IsDeployment(type))
            {
                resource = resource with { Module = CreateModule(declared, scope, deployed) };
            }

            resources.Add(resource);
        }

        return resources;
    }

    private Dictionary<string, Lazy<ArmDeployment>> IndexModules()
    {
        var modules = new Dictionary<string, Lazy<ArmDeployment>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (declared, scope) in Instances())
        {
            var type = (string)declared["type"]!;
            if (!IsDeployment(type))
            {
                continue;
            }

            var evaluator = new ArmEvaluator(this);
            var name = evaluator.Evaluate(declared["name"], scope)!.GetValue<string>();
            var deployed = Deployed && (declared["condition"] is not { } condition || IsTrue(evaluator.Evaluate(condition, scope)));
            modules[ResourceIdOf(declared, type, name, scope)] = new Lazy<ArmDeployment>(() => CreateModule(declared, scope, deployed));
        }

        foreach (var symbol in _template["resources"] is JsonObject symbolic ? symbolic.Select(p => p.Key) : [])
        {
            if (SymbolicResourceId(symbol) is { } id && modules.TryGetValue(id, out var module))
            {
                modules[symbol] = module;
            }
        }

        return modules;
    }

    private ArmDeployment CreateModule(JsonObject declared, ArmScope scope, bool deployed)
    {
        var evaluator = new ArmEvaluator(this);
        var name = evaluator.Evaluate(declared["name"], scope)!.GetValue<string>();
        var resourceGroup = declared["resourceGroup"] is { } group ? evaluator.Evaluate(group, scope)!.GetValue<string>() : ResourceGroup;
        var properties = (JsonObject)declared["properties"]!;
        var template = (JsonObject)properties["template"]!;
        var values = properties["parameters"] as JsonObject ?? [];
        return new ArmDeployment(template, name, resourceGroup, deployed, parameter =>
            values[parameter] is JsonObject given ? (true, evaluator.Evaluate(given["value"], scope)) : (false, null));
    }

    private string ResourceIdOf(JsonObject declared, string type, string name, ArmScope scope)
    {
        var names = name.Split('/');
        if (declared["scope"] is { } extensionScope)
        {
            var evaluated = new ArmEvaluator(this).Evaluate(extensionScope, scope)!.GetValue<string>();
            return $"{evaluated}/providers/{ProviderPath(type, names)}";
        }

        if (IsDeployment(type) && declared["resourceGroup"] is { } group)
        {
            var resourceGroup = new ArmEvaluator(this).Evaluate(group, scope)!.GetValue<string>();
            return $"/subscriptions/{SubscriptionId}/resourceGroups/{resourceGroup}/providers/{ProviderPath(type, names)}";
        }

        return ResourceId(type, names);
    }

    private Dictionary<string, JsonNode?> EvaluateOutputs()
    {
        var outputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, declaration) in _template["outputs"] as JsonObject ?? [])
        {
            var output = (JsonObject)declaration!;
            var evaluator = new ArmEvaluator(this);
            if (output["condition"] is { } condition && !IsTrue(evaluator.Evaluate(condition, ArmScope.Empty)))
            {
                continue;
            }

            outputs[name] = output["copy"] is JsonObject copy
                ? evaluator.ExpandCopy(copy, ArmScope.Empty)
                : evaluator.Evaluate(output["value"], ArmScope.Empty);
        }

        return outputs;
    }

    private static bool IsDeployment(string type) => string.Equals(type, "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw new InvalidOperationException($"A condition evaluated to {value?.ToJsonString() ?? "null"}, not a boolean.");
}
