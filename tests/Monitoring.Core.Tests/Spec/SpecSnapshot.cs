using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Tests.Spec;

/// <summary>A spec written out as indented JSON, so two specs can be compared value by value (the records hold immutable collections, which compare by reference).</summary>
internal static class SpecSnapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WriteDataSourcesWhole } },
    };

    public static string Of(MonitoringSpec spec) => JsonSerializer.Serialize(spec, Options);

    // A data check's source is declared as the abstract DataSourceSpec; without its subtypes only the kind would be written.
    private static void WriteDataSourcesWhole(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(DataSourceSpec))
        {
            return;
        }

        typeInfo.PolymorphismOptions = new JsonPolymorphismOptions();
        foreach (var subtype in new[] { typeof(KqlSourceSpec), typeof(TableSourceSpec), typeof(BlobSourceSpec), typeof(HttpJsonSourceSpec), typeof(SqlSourceSpec), typeof(AdfSourceSpec) })
        {
            typeInfo.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(subtype, subtype.Name));
        }
    }
}
