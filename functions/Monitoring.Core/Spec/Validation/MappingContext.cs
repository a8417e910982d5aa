namespace Monitoring.Core.Spec.Validation;

/// <summary>What every check and step mapper needs: where errors go, how templates are read, and the spec defaults.</summary>
internal sealed record MappingContext(SpecErrorList Errors, TemplateReader Templates, SpecDefaults Defaults);
