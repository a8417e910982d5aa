using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>A data check's source as written: its kind and fields (which rules consult), and the spec when it is valid.</summary>
/// <param name="Kind">kql, table, blob, http, sql or adf.</param>
/// <param name="Fields">The source's own section.</param>
/// <param name="Spec">The mapped source; null when it has errors.</param>
internal sealed record WrittenSource(string Kind, MappingReader Fields, DataSourceSpec? Spec);

/// <summary>Maps a data check's <c>source</c>: exactly one kind, and that kind's fields.</summary>
internal static partial class DataSourceMapper
{
    /// <summary>Why a data-check template may not use <c>{{variables}}</c>.</summary>
    public const string NoVariables = "data checks have no variables; use ${env:NAME} for a value from the environment";

    private static readonly VariableScope Scope = VariableScope.Unavailable(NoVariables);

    // The http fields that describe a pipeline run, so they mean nothing without its status.
    private static readonly ImmutableArray<string> RunFields = ["startedAt", "endedAt", "successValues", "runningValues"];

    // The special containers Azure Storage names itself: the root container, logs and the static website.
    private static readonly ImmutableArray<string> SpecialContainers = ["$root", "$logs", "$web"];

    /// <summary>The source; null when absent, not a mapping, or not exactly one kind (all reported).</summary>
    public static WrittenSource? Map(MappingReader check, TemplateReader templates)
    {
        if (!check.Has("source"))
        {
            check.ReportMissing("source");
            return null;
        }

        if (check.Section("source", SpecFields.DataSourceKinds) is not { } source)
        {
            return null;
        }

        var kinds = SpecFields.DataSourceKinds.Where(source.Has).ToList();
        if (kinds.Count != 1)
        {
            var found = kinds.Count == 0 ? "none" : string.Join(" and ", kinds);
            source.Errors.Add(source.Path, source.Mapping, $"needs exactly one source kind of kql, table, blob, http, sql or adf, but has {found}");
        }

        // Every kind present is still checked, so all its errors show up in one pass.
        var mapped = kinds.Select(kind => Kind(source, kind, templates)).ToList();
        return kinds.Count == 1 ? mapped[0] : null;
    }

    private static WrittenSource? Kind(MappingReader source, string kind, TemplateReader templates)
    {
        var allowed = kind switch
        {
            "kql" => SpecFields.KqlSource,
            "table" => SpecFields.TableSource,
            "blob" => SpecFields.BlobSource,
            "http" => SpecFields.HttpSource,
            "sql" => SpecFields.SqlSource,
            _ => SpecFields.AdfSource,
        };
        var before = source.Errors.Count;
        if (source.Section(kind, allowed) is not { } fields)
        {
            return null;
        }

        DataSourceSpec? spec = kind switch
        {
            "kql" => new KqlSourceSpec(DefaultsMapper.NonEmpty(fields, "query"), DefaultsMapper.NonEmpty(fields, "schemaQuery"), DefaultsMapper.NonEmpty(fields, "runsQuery")),
            "table" => Table(fields),
            "blob" => Blob(fields),
            "http" => Http(fields, templates),
            "sql" => Sql(fields, templates),
            _ => Adf(fields),
        };
        return new WrittenSource(kind, fields, fields.Errors.Count == before ? spec : null);
    }

    private static TableSourceSpec? Table(MappingReader fields)
    {
        var connection = DefaultsMapper.NonEmpty(fields, "connection") ?? DataSourceSpec.DefaultStorageConnection;
        var table = Required(fields, "table");
        if (table is not null && !TableName().IsMatch(table))
        {
            fields.Errors.Add(fields.PathOf("table"), fields.Node("table"), $"'{table}' is not a table name: 3 to 63 letters and digits, starting with a letter");
        }

        return table is null ? null : new TableSourceSpec(connection, table, fields.Text("partitionKey"));
    }

    private static BlobSourceSpec? Blob(MappingReader fields)
    {
        var connection = DefaultsMapper.NonEmpty(fields, "connection") ?? DataSourceSpec.DefaultStorageConnection;
        var container = Required(fields, "container");
        if (container is not null && !ContainerName().IsMatch(container) && !SpecialContainers.Contains(container, StringComparer.Ordinal))
        {
            fields.Errors.Add(fields.PathOf("container"), fields.Node("container"), $"'{container}' is not a container name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit");
        }

        return container is null ? null : new BlobSourceSpec(connection, container, fields.Text("prefix"));
    }

    private static HttpJsonSourceSpec? Http(MappingReader fields, TemplateReader templates)
    {
        Template? url = null;
        if (fields.Node("url") is not { } urlNode)
        {
            fields.ReportMissing("url");
        }
        else if (templates.Read(urlNode, fields.PathOf("url"), Scope) is { } template)
        {
            if (template.IsLiteral && !StepMapper.IsAbsoluteHttp(template.Text))
            {
                fields.Errors.Add(fields.PathOf("url"), urlNode, $"'{template.Text}' is not an absolute http or https URL");
            }

            url = template;
        }

        var headers = fields.Map("headers") is { } map ? templates.ReadHeaders(map, fields.PathOf("headers"), Scope) : [];
        var paths = SpecFields.HttpJsonPaths.ToDictionary(key => key, key => JsonPath(fields, key), StringComparer.Ordinal);

        foreach (var key in RunFields.Where(k => fields.Has(k) && !fields.Has("status")))
        {
            fields.Errors.Add(fields.PathOf(key), fields.Node(key), "applies only with status (a pipeline run's status)");
        }

        var successValues = Values(fields, "successValues") ?? HttpJsonSourceSpec.DefaultSuccessValues;
        var runningValues = Values(fields, "runningValues") ?? HttpJsonSourceSpec.DefaultRunningValues;
        return url is null
            ? null
            : new HttpJsonSourceSpec(url, headers, paths["timestamp"], paths["items"], paths["count"], paths["status"], paths["startedAt"], paths["endedAt"], successValues, runningValues);
    }

    private static SqlSourceSpec? Sql(MappingReader fields, TemplateReader templates)
    {
        SqlProvider? provider = null;
        if (Required(fields, "provider") is { } providerText)
        {
            provider = providerText switch
            {
                "postgres" => SqlProvider.Postgres,
                "sqlserver" => SqlProvider.SqlServer,
                _ => null,
            };
            if (provider is null)
            {
                fields.Errors.Add(fields.PathOf("provider"), fields.Node("provider"), $"'{providerText}' is not a SQL provider: use {string.Join(" or ", SpecFields.SqlProviders)}");
            }
        }

        Template? connectionString = null;
        if (fields.Node("connectionString") is not { } node)
        {
            fields.ReportMissing("connectionString");
        }
        else if (templates.Read(node, fields.PathOf("connectionString"), Scope) is { } template)
        {
            if (ConnectionStrings.HasLiteralPassword(template))
            {
                fields.Errors.Add(fields.PathOf("connectionString"), node, "holds a password in plain text: reference it with ${env:NAME}, e.g. connectionString: \"${env:ORDERS_DB}\" or Password=${env:ORDERS_DB_PASSWORD}");
            }

            connectionString = template;
        }

        var query = DefaultsMapper.NonEmpty(fields, "query");
        var schemaQuery = DefaultsMapper.NonEmpty(fields, "schemaQuery");
        var runsQuery = DefaultsMapper.NonEmpty(fields, "runsQuery");
        return provider is null || connectionString is null ? null : new SqlSourceSpec(provider.Value, connectionString, query, schemaQuery, runsQuery);
    }

    private static AdfSourceSpec Adf(MappingReader fields)
    {
        var pipelines = ImmutableArray.CreateBuilder<string>();
        if (fields.List("pipelines") is { } list)
        {
            for (var i = 0; i < list.Items.Length; i++)
            {
                if (NonEmpty(list.Items[i], fields.PathOf("pipelines").Item(i, null), fields.Errors) is { } pipeline)
                {
                    pipelines.Add(pipeline);
                }
            }
        }

        return new AdfSourceSpec(pipelines.ToImmutable(), DefaultsMapper.NonEmpty(fields, "factory"));
    }

    private static string? Required(MappingReader fields, string key)
    {
        if (!fields.Has(key))
        {
            fields.ReportMissing(key);
            return null;
        }

        return DefaultsMapper.NonEmpty(fields, key);
    }

    private static string? JsonPath(MappingReader fields, string key)
    {
        if (fields.Text(key) is not { } text)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(text) && !text.StartsWith('$'))
        {
            fields.Errors.Add(fields.PathOf(key), fields.Node(key), $"'{text}' is not a JSONPath: start it at the document's root, e.g. $.{text}");
            return null;
        }

        return Probes.JsonPath(text, fields.Node(key)!, fields.PathOf(key), fields.Errors) ? text : null;
    }

    private static ImmutableArray<string>? Values(MappingReader fields, string key)
    {
        if (fields.List(key) is not { } list)
        {
            return null;
        }

        if (list.Items.IsEmpty)
        {
            fields.Errors.Add(fields.PathOf(key), list, "must list at least one value, or be left out for the defaults");
            return null;
        }

        var values = ImmutableArray.CreateBuilder<string>(list.Items.Length);
        for (var i = 0; i < list.Items.Length; i++)
        {
            if (NonEmpty(list.Items[i], fields.PathOf(key).Item(i, null), fields.Errors) is { } value)
            {
                values.Add(value);
            }
        }

        return values.ToImmutable();
    }

    private static string? NonEmpty(SpecNode node, SpecPath path, SpecErrorList errors)
    {
        var text = ValueReader.Text(node, path, errors);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(path, node, "must not be empty");
            return null;
        }

        return text;
    }

    [GeneratedRegex(SpecFields.TableNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex TableName();

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();
}
