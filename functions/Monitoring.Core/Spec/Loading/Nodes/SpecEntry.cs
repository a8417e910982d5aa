namespace Monitoring.Core.Spec.Loading.Nodes;

/// <summary>One key and its value in a <see cref="SpecMapping"/>.</summary>
internal sealed record SpecEntry(string Key, int Line, int Column, SpecNode Value);
