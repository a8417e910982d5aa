using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Collects every error of one load, so none stops the others from being found.</summary>
internal sealed class SpecErrorList
{
    private readonly List<SpecError> errors = [];

    /// <summary>True while nothing has been reported.</summary>
    public bool IsEmpty => errors.Count == 0;

    /// <summary>How many errors so far; a mapper compares it before and after to know whether its part was valid.</summary>
    public int Count => errors.Count;

    /// <summary>Reports a problem at <paramref name="path"/>, located at <paramref name="node"/> when given.</summary>
    public void Add(SpecPath path, SpecNode? node, string message) =>
        errors.Add(new SpecError(path.Text, message, node?.Line, node?.Column));

    /// <summary>Reports a problem at <paramref name="path"/>, located at a map key.</summary>
    public void Add(SpecPath path, SpecEntry entry, string message) =>
        errors.Add(new SpecError(path.Text, message, entry.Line, entry.Column));

    /// <summary>Reports a problem with an explicit location.</summary>
    public void Add(SpecPath path, string message, int? line, int? column) =>
        errors.Add(new SpecError(path.Text, message, line, column));

    /// <summary>The errors, ordered by line (stable, so errors on one line keep the order they were found in).</summary>
    public ImmutableArray<SpecError> ToImmutable() => [.. errors.OrderBy(e => e.Line ?? int.MaxValue)];
}
