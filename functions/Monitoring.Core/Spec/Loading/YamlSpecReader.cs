using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Monitoring.Core.Spec.Loading.Nodes;
using Monitoring.Core.Spec.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Core.Spec.Loading;

/// <summary>Reads YAML text into the format-neutral node tree, keeping lines and columns.</summary>
internal static partial class YamlSpecReader
{
    private const string DuplicateKeyPrefix = "Duplicate key ";

    /// <summary>The root node, or null after reporting why the text cannot be read.</summary>
    public static SpecNode? Read(string text, SpecErrorList errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(SpecPath.Root, Describe(e), ToInt(e.Start.Line), ToInt(e.Start.Column));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(SpecPath.Root, "the spec is empty", null, null);
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            errors.Add(SpecPath.Root, "the spec must be one YAML document, but '---' starts another", ToInt(second.Line), ToInt(second.Column));
            return null;
        }

        return Convert(stream.Documents[0].RootNode);
    }

    // Duplicate keys surface as exceptions too: the representation model refuses them.
    private static string Describe(YamlException e) =>
        e.Message.StartsWith(DuplicateKeyPrefix, StringComparison.Ordinal)
            ? $"duplicate key '{e.Message[DuplicateKeyPrefix.Length..]}': each key may appear once in a mapping"
            : $"the YAML cannot be read: {e.Message}";

    private static SpecNode Convert(YamlNode node)
    {
        var line = ToInt(node.Start.Line);
        var column = ToInt(node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                var entries = ImmutableArray.CreateBuilder<SpecEntry>(mapping.Children.Count);
                foreach (var (key, value) in mapping.Children)
                {
                    var keyText = key is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : key.ToString();
                    entries.Add(new SpecEntry(keyText, ToInt(key.Start.Line), ToInt(key.Start.Column), Convert(value)));
                }

                return new SpecMapping(entries.MoveToImmutable(), line, column);
            case YamlSequenceNode sequence:
                return new SpecSequence([.. sequence.Children.Select(Convert)], line, column);
            case YamlScalarNode scalar:
                return new SpecScalar(scalar.Value ?? string.Empty, KindOf(scalar), line, column);
            default:
                return new SpecScalar(string.Empty, ScalarKind.Null, line, column);
        }
    }

    // The YAML 1.2 core schema, so that YAML types plain values as JSON would.
    private static ScalarKind KindOf(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return scalar.Tag.IsEmpty || scalar.Tag.Value == "tag:yaml.org,2002:str" || scalar.Tag.Value == "!!str" ? ScalarKind.String : KindOfPlain(value);
        }

        return KindOfPlain(value);
    }

    private static ScalarKind KindOfPlain(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
        _ when IntegerRegex().IsMatch(value) => ScalarKind.Integer,
        _ when FloatRegex().IsMatch(value) => ScalarKind.Float,
        _ => ScalarKind.String,
    };

    private static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    [GeneratedRegex(@"^[-+]?[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerRegex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex FloatRegex();
}
