using System.Globalization;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Where a value sits in the spec, written as people read it: <c>checks[2] (checkout).steps[1] (pay).url</c>.</summary>
internal readonly record struct SpecPath(string Text)
{
    /// <summary>The document itself.</summary>
    public static SpecPath Root { get; } = new(string.Empty);

    /// <summary>A field or map key below this path.</summary>
    public SpecPath Field(string name) => new(Text.Length == 0 ? name : $"{Text}.{name}");

    /// <summary>A list item below this path, labelled with its name when it has one.</summary>
    public SpecPath Item(int index, string? name) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Text}[{index}]") + (string.IsNullOrEmpty(name) ? string.Empty : $" ({name})"));

    /// <inheritdoc/>
    public override string ToString() => Text;
}
