using System.Text.Json;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Tests.Spec;

/// <summary>A spec written out as indented JSON, so two specs can be compared value by value (the records hold immutable collections, which compare by reference).</summary>
internal static class SpecSnapshot
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(MonitoringSpec spec) => JsonSerializer.Serialize(spec, Options);
}
