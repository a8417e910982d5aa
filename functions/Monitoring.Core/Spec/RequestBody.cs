using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Monitoring.Core.Spec;

/// <summary>How a request body is encoded.</summary>
public enum BodyKind
{
    /// <summary>A JSON document; string leaves are templates.</summary>
    Json,

    /// <summary>application/x-www-form-urlencoded fields.</summary>
    Form,

    /// <summary>Text sent as is, with its own content type.</summary>
    Raw,
}

/// <summary>A request body. Exactly one of <see cref="Json"/>, <see cref="Form"/> or <see cref="Raw"/> is set, per <see cref="Kind"/>.</summary>
/// <param name="Kind">The encoding.</param>
/// <param name="Json">For <see cref="BodyKind.Json"/>: the document; every string value is rendered as a <see cref="Template"/>.</param>
/// <param name="Form">For <see cref="BodyKind.Form"/>: the fields, in order.</param>
/// <param name="Raw">For <see cref="BodyKind.Raw"/>: the text.</param>
/// <param name="ContentType">The content type; defaults per kind.</param>
public sealed record RequestBody(
    BodyKind Kind,
    JsonNode? Json,
    ImmutableArray<KeyValuePair<string, Template>> Form,
    Template? Raw,
    string ContentType);
