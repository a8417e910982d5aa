using System.Collections.Immutable;
using Monitoring.Core.Routing;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps the <c>notifications</c> section: channels, routes (first match wins, with continue) and default channels.</summary>
internal static class NotificationsMapper
{
    /// <summary>The section, or the outbox-only default when absent; null when invalid.</summary>
    public static NotificationsSpec? Map(SpecNode? node, SpecErrorList errors, TemplateReader templates)
    {
        if (node is null)
        {
            return NotificationsSpec.Default;
        }

        if (MappingReader.Open(node, SpecPath.Root.Field("notifications"), errors, SpecFields.Notifications) is not { } section)
        {
            return null;
        }

        var before = errors.Count;
        var channels = Channels(section, templates);
        var names = channels.Select(c => c.Name).Append(NotificationsSpec.OutboxChannel).ToImmutableHashSet(StringComparer.Ordinal);
        var routes = Routes(section, names);
        var defaults = ChannelList(section, "defaultChannels", names) ?? [NotificationsSpec.OutboxChannel];
        var statusPage = HttpUrl(section, "statusPageUrl");
        var runbooks = HttpUrl(section, "runbookBaseUrl");
        return errors.Count == before ? new NotificationsSpec(channels, routes, defaults, statusPage) { RunbookBaseUrl = runbooks } : null;
    }

    private static Uri? HttpUrl(MappingReader section, string key)
    {
        if (section.Text(key) is not { } url)
        {
            return null;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp))
        {
            return parsed;
        }

        section.Errors.Add(section.PathOf(key), section.Node(key), $"'{url}' is not an absolute http(s) URL");
        return null;
    }

    private static ImmutableArray<ChannelSpec> Channels(MappingReader section, TemplateReader templates)
    {
        if (section.Map("channels") is not { } map)
        {
            return [];
        }

        var channels = ImmutableArray.CreateBuilder<ChannelSpec>();
        foreach (var entry in map.Entries)
        {
            var path = section.PathOf("channels").Field(entry.Key);
            if (entry.Key == NotificationsSpec.OutboxChannel)
            {
                section.Errors.Add(path, entry.Value, "'outbox' is the built-in outbox channel; choose another name");
                continue;
            }

            if (!Template.IsIdentifier(entry.Key))
            {
                section.Errors.Add(path, entry.Value, $"'{entry.Key}' is not a valid name: a letter, then letters, digits, '-' or '_'");
                continue;
            }

            if (MappingReader.Open(entry.Value, path, section.Errors, SpecFields.ChannelKinds) is not { } channel)
            {
                continue;
            }

            var kinds = SpecFields.ChannelKinds.Where(channel.Has).ToList();
            if (kinds.Count != 1)
            {
                section.Errors.Add(path, entry.Value, $"needs exactly one of {string.Join(", ", SpecFields.ChannelKinds)}");
                continue;
            }

            if (Channel(entry.Key, kinds[0], channel, templates) is { } spec)
            {
                channels.Add(spec);
            }
        }

        return channels.ToImmutable();
    }

    private static ChannelSpec? Channel(string name, string kind, MappingReader channel, TemplateReader templates)
    {
        switch (kind)
        {
            case "teams":
            case "webhook":
            {
                var settings = channel.Section(kind, kind == "teams" ? SpecFields.TeamsChannel : SpecFields.WebhookChannel);
                if (settings is null)
                {
                    return null;
                }

                if (!settings.Has("url"))
                {
                    settings.ReportMissing("url");
                    return null;
                }

                var url = templates.Read(settings.Node("url")!, settings.PathOf("url"), VariableScope.Empty);
                if (url is { IsLiteral: true } && (!Uri.TryCreate(url.Text, UriKind.Absolute, out var literal) || literal.Scheme != Uri.UriSchemeHttps))
                {
                    settings.Errors.Add(settings.PathOf("url"), settings.Node("url"), "must be an absolute https URL (keep secret URLs in ${env:NAME})");
                    return null;
                }

                var headers = kind == "webhook" && settings.Map("headers") is { } headerMap
                    ? templates.ReadHeaders(headerMap, settings.PathOf("headers"), VariableScope.Empty)
                    : [];
                return url is null ? null : new ChannelSpec(name, kind == "teams" ? ChannelKind.Teams : ChannelKind.Webhook, url, headers, []);
            }

            case "email":
            {
                var settings = channel.Section("email", SpecFields.EmailChannel);
                if (settings?.List("to") is not { Items.Length: > 0 } list)
                {
                    if (settings is not null)
                    {
                        settings.Errors.Add(settings.PathOf("to"), settings.Node("to") ?? (SpecNode)settings.Mapping, "needs at least one recipient");
                    }

                    return null;
                }

                var to = ImmutableArray.CreateBuilder<string>();
                for (var i = 0; i < list.Items.Length; i++)
                {
                    var address = ValueReader.Text(list.Items[i], settings.PathOf("to").Item(i, null), settings.Errors);
                    if (address is not null && address.Contains('@', StringComparison.Ordinal) && !address.Contains(' ', StringComparison.Ordinal))
                    {
                        to.Add(address);
                    }
                    else if (address is not null)
                    {
                        settings.Errors.Add(settings.PathOf("to").Item(i, null), list.Items[i], $"'{address}' is not an email address");
                    }
                }

                var rate = Rate(settings);
                return to.Count == list.Items.Length && rate is not null ? new ChannelSpec(name, ChannelKind.Email, null, [], to.ToImmutable(), rate) : null;
            }

            default:
                return new ChannelSpec(name, ChannelKind.Outbox, null, [], []);
        }
    }

    private static EmailRate? Rate(MappingReader settings)
    {
        var before = settings.Errors.Count;
        var defaults = EmailRate.Default;
        var perHour = settings.Integer("maxPerHour", EmailRate.MinPerHour, EmailRate.MaxPerHourLimit) ?? defaults.MaxPerHour;
        var wait = Within(settings, "groupWait", TimeSpan.Zero, EmailRate.MaxGroupWait) ?? defaults.GroupWait;
        var interval = Within(settings, "groupInterval", EmailRate.MinGroupInterval, EmailRate.MaxGroupInterval) ?? defaults.GroupInterval;
        return settings.Errors.Count == before ? new EmailRate(perHour, wait, interval) : null;
    }

    private static TimeSpan? Within(MappingReader settings, string key, TimeSpan min, TimeSpan max)
    {
        // A zero wait is a choice (send at once), which the general duration reader refuses.
        if (min == TimeSpan.Zero && settings.Node(key) is SpecScalar scalar && Durations.TryParse(scalar.Text, out var zero) && zero == TimeSpan.Zero)
        {
            return zero;
        }

        if (settings.Duration(key) is not { } value)
        {
            return null;
        }

        if (value < min || value > max)
        {
            settings.Errors.Add(settings.PathOf(key), settings.Node(key), $"must be from {Durations.Format(min)} to {Durations.Format(max)}, not {Durations.Format(value)}");
            return null;
        }

        return value;
    }

    private static ImmutableArray<RouteSpec> Routes(MappingReader section, ImmutableHashSet<string> channels)
    {
        if (section.List("routes") is not { } list)
        {
            return [];
        }

        var routes = ImmutableArray.CreateBuilder<RouteSpec>();
        for (var i = 0; i < list.Items.Length; i++)
        {
            var name = ((list.Items[i] as SpecMapping)?.Find("name")?.Value as SpecScalar)?.Text;
            var path = section.PathOf("routes").Item(i, name);
            if (MappingReader.Open(list.Items[i], path, section.Errors, SpecFields.Route) is not { } route)
            {
                continue;
            }

            var routeChannels = ChannelList(route, "channels", channels);
            if (!route.Has("channels"))
            {
                route.ReportMissing("channels");
            }

            var match = route.Section("match", SpecFields.RouteMatch) is { } matchSection ? Match(matchSection) : RouteMatch.Any;
            var escalation = Escalation(route, channels);
            var groupBy = route.List("groupBy") is { } groups
                ? groups.Items.Select((g, j) => ValueReader.Text(g, route.PathOf("groupBy").Item(j, null), route.Errors)).OfType<string>().ToImmutableArray()
                : ["service"];
            routes.Add(new RouteSpec(
                name ?? $"route-{i + 1}",
                match,
                routeChannels ?? [],
                route.Bool("continue") ?? false,
                groupBy,
                route.Duration("repeatInterval") ?? TimeSpan.FromHours(4),
                route.Bool("sendResolved") ?? true,
                escalation));
        }

        return routes.ToImmutable();
    }

    private static RouteMatch Match(MappingReader match) => new(
        Set(match, "severity"),
        Set(match, "service"),
        Set(match, "team"),
        match.Map("labels") is { } labels
            ? labels.Entries.Select(e => (e.Key, Value: ValueReader.Text(e.Value, match.PathOf("labels").Field(e.Key), match.Errors)))
                .Where(e => e.Value is not null)
                .ToImmutableSortedDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal)
            : ImmutableSortedDictionary<string, string>.Empty);

    private static ImmutableHashSet<string> Set(MappingReader match, string key)
    {
        if (!match.Has(key))
        {
            return [];
        }

        if (match.Node(key) is SpecScalar)
        {
            return match.Text(key) is { } single ? [single] : [];
        }

        return match.List(key) is { } list
            ? [.. list.Items.Select((item, i) => ValueReader.Text(item, match.PathOf(key).Item(i, null), match.Errors)).OfType<string>()]
            : [];
    }

    private static ImmutableArray<EscalationLevel> Escalation(MappingReader route, ImmutableHashSet<string> channels)
    {
        if (route.List("escalation") is not { } list)
        {
            return [];
        }

        var levels = ImmutableArray.CreateBuilder<EscalationLevel>();
        TimeSpan? previous = null;
        for (var i = 0; i < list.Items.Length; i++)
        {
            var path = route.PathOf("escalation").Item(i, null);
            if (MappingReader.Open(list.Items[i], path, route.Errors, SpecFields.EscalationLevel) is not { } level)
            {
                continue;
            }

            var after = level.Duration("after");
            if (!level.Has("after"))
            {
                level.ReportMissing("after");
            }
            else if (after is { } delay && previous is { } before && delay <= before)
            {
                level.Errors.Add(level.PathOf("after"), level.Node("after"), "must be later than the level before it");
            }

            var levelChannels = ChannelList(level, "channels", channels);
            if (!level.Has("channels"))
            {
                level.ReportMissing("channels");
            }

            if (after is { } at && levelChannels is { } notify)
            {
                levels.Add(new EscalationLevel(i + 1, at, notify));
                previous = at;
            }
        }

        return levels.ToImmutable();
    }

    private static ImmutableArray<string>? ChannelList(MappingReader reader, string key, ImmutableHashSet<string> channels)
    {
        if (reader.List(key) is not { } list)
        {
            return null;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < list.Items.Length; i++)
        {
            var name = ValueReader.Text(list.Items[i], reader.PathOf(key).Item(i, null), reader.Errors);
            if (name is null)
            {
                continue;
            }

            if (!channels.Contains(name))
            {
                reader.Errors.Add(reader.PathOf(key).Item(i, null), list.Items[i], $"channel '{name}' is not declared under notifications.channels (nor the built-in 'outbox')");
                continue;
            }

            names.Add(name);
        }

        return names.ToImmutable();
    }
}
