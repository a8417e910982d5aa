using Xunit;

namespace Monitoring.Core.Tests.Spec;

public sealed class SpecLoaderErrorTests
{
    [Fact]
    public void Load_ReportsNoErrors_WhenSpecIsTheGoodFixture()
    {
        var result = Fixture.Load(Fixture.GoodYaml);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
    }

    [Theory]
    // Version
    [InlineData("the version is another one", "version: monitoring/v1", "version: monitoring/v2", "version", "'monitoring/v2' is not a version this build reads", "monitoring/v2")]
    [InlineData("the version is missing", "version: monitoring/v1\n", "", "version", "is required", "defaults:")]
    // Unknown fields
    [InlineData("a top-level field is unknown", "defaults:\n", "colour: blue\ndefaults:\n", "colour", "unknown field 'colour'; allowed fields: version, defaults, services, checks, slos", "colour")]
    [InlineData("a check field is misspelt", "    interval: 5m", "    intervall: 5m", "checks[1] (checkout).intervall", "unknown field 'intervall' (did you mean 'interval'?)", "intervall")]
    [InlineData("a step field is misspelt", "        timeout: 8s", "        timeot: 8s", "checks[1] (checkout).steps[0] (login).timeot", "did you mean 'timeout'?", "timeot")]
    [InlineData("a request has a name", "    request:\n      url: \"{{baseUrl}}/\"", "    request:\n      name: home\n      url: \"{{baseUrl}}/\"", "checks[0] (homepage).request.name", "unknown field 'name'", "name: home\n")]
    // Wrong types
    [InlineData("labels is text instead of a map", "    labels:\n      journey: checkout", "    labels: checkout", "checks[1] (checkout).labels", "expected a mapping, not 'checkout'", "labels: checkout")]
    [InlineData("tls is a boolean instead of a map", "    tls:\n      verify: false", "    tls: false", "checks[1] (checkout).tls", "expected a mapping, not 'false'", "tls: false")]
    [InlineData("steps is text instead of a list", "    request:\n      url: \"https://search.example.com/q?term=${env:SEARCH_TERM:-shoes}\"", "    steps: just-one-call", "checks[2] (search).steps", "expected a list, not 'just-one-call'", "just-one-call")]
    [InlineData("enabled is not a boolean", "enabled: false", "enabled: nope", "checks[2] (search).enabled", "expected true or false, not 'nope'", "nope")]
    [InlineData("a body json is text", "          json:\n            username: \"{{user}}\"", "          json: \"{{user}}\"\n          form:\n            username: \"{{user}}\"", "checks[1] (checkout).steps[0] (login).body.json", "expected a mapping or a list", "json: \"{{user}}\"")]
    // Durations
    [InlineData("a step timeout has a bad unit", "        timeout: 8s", "        timeout: 8x", "checks[1] (checkout).steps[0] (login).timeout", "'8x' is not a duration", "8x")]
    [InlineData("the default interval is a bare number", "  interval: 1m", "  interval: 60", "defaults.interval", "'60' is not a duration", "interval: 60")]
    [InlineData("a duration is zero", "    degradedAfter: 10s", "    degradedAfter: 0s", "checks[1] (checkout).degradedAfter", "must be longer than zero", "degradedAfter: 0s")]
    // Names
    [InlineData("a check name starts with a digit", "- name: homepage", "- name: 1homepage", "checks[0] (1homepage).name", "'1homepage' is not a valid name", "1homepage")]
    [InlineData("a variable name has a dot", "      user: demo", "      user.name: demo", "checks[1] (checkout).variables.user.name", "'user.name' is not a valid name", "user.name")]
    [InlineData("two checks share a name", "- name: search", "- name: homepage", "checks[2] (homepage).name", "duplicate check name 'homepage': checks[0] (homepage) already uses it", "- name: homepage\n    service: search")]
    [InlineData("two steps of a check share a name", "- name: pay", "- name: login", "checks[1] (checkout).steps[2] (login).name", "duplicate step name 'login': checks[1] (checkout).steps[0] (login) already uses it", "- name: login\n        method: POST\n        url: \"{{cartUrl}}")]
    // Services
    [InlineData("a check names an undeclared service", "    service: search", "    service: billing", "checks[2] (search).service", "service 'billing' is not declared under services (declared: search, shop)", "billing")]
    [InlineData("a service tier is 4", "    tier: 1", "    tier: 4", "services.shop.tier", "must be from 1 to 3, not 4", "tier: 4")]
    [InlineData("a service has no team", "    team: discovery\n", "    description: Finds things.\n", "services.search.team", "is required", "Finds things")]
    [InlineData("a runbook is a relative URL", "runbook: https://runbooks.example.com/shop", "runbook: /runbooks/shop", "services.shop.runbook", "'/runbooks/shop' is not an absolute http or https URL", "/runbooks/shop")]
    // Variables and templates
    [InlineData("a body uses a variable a later step extracts", "username: \"{{user}}\"", "username: \"{{cartId}}\"", "checks[1] (checkout).steps[0] (login).body.json.username", "variable 'cartId' is used before it is defined: step 'add-to-cart' extracts it later", "{{cartId}}\"")]
    [InlineData("a default variable uses an undefined one", "apiUrl: \"{{baseUrl}}/api\"", "apiUrl: \"{{host}}/api\"", "defaults.variables.apiUrl", "variable 'host' is used before it is defined", "{{host}}")]
    [InlineData("a check variable uses one defined after it", "      user: demo", "      user: \"{{greeting}}\"\n      greeting: hello", "checks[1] (checkout).variables.user", "variable 'greeting' is used before it is defined", "{{greeting}}")]
    [InlineData("a cleanup step uses a variable no step extracts", "        always: true", "        body:\n          raw: \"{{orderId}}\"\n        always: true", "checks[1] (checkout).steps[3] (logout).body.raw", "variable 'orderId' is used before it is defined", "{{orderId}}")]
    [InlineData("an assertion uses a variable its own step extracts", "            contains: application/json", "            contains: \"{{token}}\"", "checks[1] (checkout).steps[0] (login).assertions[1].contains", "variable 'token' is used before it is defined: step 'login' extracts it later", "\"{{token}}\"")]
    [InlineData("a default header uses a check variable", "    User-Agent: monitoring-tests", "    User-Agent: \"{{user}}\"", "defaults.headers.User-Agent", "variable 'user' is used before it is defined", "{{user}}")]
    [InlineData("an environment variable is not set", "${env:SHOP_PASSWORD}", "${env:SHOP_SECRET}", "checks[1] (checkout).steps[0] (login).body.json.password", "environment variable 'SHOP_SECRET' is not set", "SHOP_SECRET")]
    [InlineData("a variable reference is not closed", "url: \"{{apiUrl}}/cart\"", "url: \"{{apiUrl/cart\"", "checks[1] (checkout).steps[1] (add-to-cart).url", "malformed template: '{{' at position 0 has no closing '}}'", "{{apiUrl/cart")]
    [InlineData("a reference is not to the environment", "${env:SHOP_PASSWORD}", "${vault:SHOP_PASSWORD}", "checks[1] (checkout).steps[0] (login).body.json.password", "malformed template", "vault")]
    [InlineData("a literal URL is not absolute", "url: \"https://search.example.com/q?term=${env:SEARCH_TERM:-shoes}\"", "url: search.example.com/q", "checks[2] (search).request.url", "'search.example.com/q' is not an absolute http or https URL", "search.example.com/q")]
    [InlineData("a literal URL is not http", "url: \"https://search.example.com/q?term=${env:SEARCH_TERM:-shoes}\"", "url: ftp://search.example.com/q", "checks[2] (search).request.url", "is not an absolute http or https URL", "ftp://")]
    // Check shape
    [InlineData("a check has both request and steps", "    enabled: false\n", "    enabled: false\n    steps: []\n", "checks[2] (search)", "has both 'request' and 'steps'", "- name: search")]
    [InlineData("a check has neither request nor steps", "    enabled: false\n    request:", "    enabled: false\n    requests:", "checks[2] (search)", "needs 'request' (one call) or 'steps' (a journey)", "- name: search")]
    [InlineData("a check has an empty journey", "    request:\n      url: \"https://search.example.com/q?term=${env:SEARCH_TERM:-shoes}\"", "    steps: []", "checks[2] (search).steps", "must list at least one step", "steps: []")]
    [InlineData("a step has no url", "        url: \"{{cartUrl}}/pay\"\n", "", "checks[1] (checkout).steps[2] (pay).url", "is required", "- name: pay")]
    [InlineData("a method is not supported", "method: DELETE", "method: REMOVE", "checks[1] (checkout).steps[3] (logout).method", "'REMOVE' is not a supported method; use one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", "REMOVE")]
    [InlineData("a method is lower case", "method: DELETE", "method: delete", "checks[1] (checkout).steps[3] (logout).method", "'delete' is not a supported method", "delete")]
    // Ranges
    [InlineData("default retries are above 10", "  retries: 2", "  retries: 11", "defaults.retries", "must be from 0 to 10, not 11", "retries: 11")]
    [InlineData("check retries are negative", "    retries: 0", "    retries: -1", "checks[1] (checkout).retries", "must be from 0 to 10, not -1", "retries: -1")]
    [InlineData("concurrency is zero", "  concurrency: 8", "  concurrency: 0", "defaults.concurrency", "must be from 1 to 1000, not 0", "concurrency: 0")]
    [InlineData("a check's maxDuration exceeds its interval", "    maxDuration: 2m", "    maxDuration: 6m", "checks[1] (checkout).maxDuration", "maxDuration 6m must not exceed the interval 5m", "maxDuration: 6m")]
    // Check alert section
    [InlineData("a check alert has an unknown severity", "    service: search\n", "    service: search\n    alert:\n      severity: urgent\n", "checks[2] (search).alert.severity", "'urgent' is not a severity: use critical, warning, info", "urgent")]
    [InlineData("a check alert threshold is zero", "    service: search\n", "    service: search\n    alert:\n      failureThreshold: 0\n", "checks[2] (search).alert.failureThreshold", "from 1 to 20", "failureThreshold: 0")]
    [InlineData("a check alert field is misspelt", "    service: search\n", "    service: search\n    alert:\n      keepFiring: 5m\n", "checks[2] (search).alert.keepFiring", "unknown field 'keepFiring'", "keepFiring")]
    [InlineData("a check's maxDuration exceeds its own one-minute interval", "    service: search\n", "    service: search\n    interval: 1m\n    maxDuration: 90s\n", "checks[2] (search).maxDuration", "maxDuration 1m30s must not exceed the interval 1m", "maxDuration: 90s")]
    [InlineData("a check's interval is shorter than the timer", "    service: search\n", "    service: search\n    interval: 5s\n", "checks[2] (search).interval", "interval 5s must be a multiple of 10s, at least 10s", "interval: 5s")]
    [InlineData("a check's interval is not a multiple of the timer", "    interval: 5m", "    interval: 1m15s", "checks[1] (checkout).interval", "interval 1m15s must be a multiple of 10s", "interval: 1m15s")]
    [InlineData("the default interval is not a multiple of the timer", "  interval: 1m", "  interval: 45s", "defaults.interval", "interval 45s must be a multiple of 10s", "interval: 45s")]
    [InlineData("the default maxDuration exceeds the default interval", "  maxDuration: 50s", "  maxDuration: 2m", "defaults.maxDuration", "maxDuration 2m must not exceed the interval 1m", "maxDuration: 2m")]
    // Body
    [InlineData("a body has raw and form", "          raw: \"cart={{cartId}}\"", "          raw: \"cart={{cartId}}\"\n          form: { a: b }", "checks[1] (checkout).steps[2] (pay).body", "needs exactly one of json, form or raw, but has form and raw", "          raw:")]
    [InlineData("a body has no content", "          raw: \"cart={{cartId}}\"\n", "", "checks[1] (checkout).steps[2] (pay).body", "needs exactly one of json, form or raw, but has none", "contentType: text/plain")]
    // Extraction
    [InlineData("an extraction has two sources", "token: { json: \"$.token\" }", "token: { json: \"$.token\", header: X-Token }", "checks[1] (checkout).steps[0] (login).extract.token", "needs exactly one of json, header or regex, but has json and header", "X-Token")]
    [InlineData("an extraction regex is invalid", "regex: \"cart-([0-9]+)\"", "regex: \"cart-([0-9]+\"", "checks[1] (checkout).steps[1] (add-to-cart).extract.cartId.regex", "'cart-([0-9]+' is not a valid regular expression", "cart-([0-9]+\"")]
    [InlineData("an extraction JSONPath is invalid", "token: { json: \"$.token\" }", "token: { json: \"$.token[\" }", "checks[1] (checkout).steps[0] (login).extract.token.json", "'$.token[' is not a valid JSONPath", "$.token[")]
    [InlineData("an extraction group does not exist", "regex: \"cart-([0-9]+)\" }", "regex: \"cart-([0-9]+)\", group: 2 }", "checks[1] (checkout).steps[1] (add-to-cart).extract.cartId.group", "the pattern has no group 2: it has 1 capture group(s)", "group: 2")]
    [InlineData("an extraction group is given for a header", "cartUrl: { header: Location }", "cartUrl: { header: Location, group: 1 }", "checks[1] (checkout).steps[1] (add-to-cart).extract.cartUrl.group", "applies only to regex extractions", "group: 1")]
    // Assertions
    [InlineData("an assertion has no target", "        - status: 200\n        - latency", "        - severity: fail\n        - latency", "checks[0] (homepage).request.assertions[0]", "needs exactly one target: status, latency, body, certDaysLeft, header or json", "severity: fail")]
    [InlineData("an assertion has two targets", "        - status: 200\n        - latency", "        - { status: 200, body: ok }\n        - latency", "checks[0] (homepage).request.assertions[0]", "has more than one target (status, body)", "body: ok")]
    [InlineData("a numeric operator is used on the body", "body: { contains: Welcome }", "body: { lessThan: 5 }", "checks[0] (homepage).request.assertions[2].body.lessThan", "'lessThan' does not apply to body; use one of equals, notEquals, contains, notContains, matches", "lessThan: 5 }")]
    [InlineData("exists is used on the status", "status: { lessThan: 400 }", "status: { exists: true }", "checks[1] (checkout).steps[1] (add-to-cart).assertions[0].status.exists", "'exists' does not apply to status", "exists: true }")]
    [InlineData("contains is used on the latency", "latency: { lessThan: 500ms }", "latency: { contains: 500ms }", "checks[0] (homepage).request.assertions[1].latency.contains", "'contains' does not apply to latency", "contains: 500ms")]
    [InlineData("a latency limit is a bare number", "latency: { lessThan: 500ms }", "latency: { lessThan: 500 }", "checks[0] (homepage).request.assertions[1].latency.lessThan", "'500' is not a duration", "lessThan: 500 }")]
    [InlineData("an expected status is text", "        - status: 200\n        - latency", "        - status: OK\n        - latency", "checks[0] (homepage).request.assertions[0].status", "expected a whole number, not 'OK'", "status: OK")]
    [InlineData("an expected status is not an HTTP status", "        - status: 200\n        - latency", "        - status: 42\n        - latency", "checks[0] (homepage).request.assertions[0].status", "must be from 100 to 599, not 42", "status: 42")]
    [InlineData("certDaysLeft expects text", "certDaysLeft: { greaterThan: 14 }", "certDaysLeft: { greaterThan: two weeks }", "checks[1] (checkout).steps[2] (pay).assertions[2].certDaysLeft.greaterThan", "expected a whole number, not 'two weeks'", "two weeks")]
    [InlineData("a matches pattern is invalid", "body: { contains: Welcome }", "body: { matches: \"Wel(come\" }", "checks[0] (homepage).request.assertions[2].body.matches", "'Wel(come' is not a valid regular expression", "Wel(come")]
    [InlineData("a JSON comparison is not a number", "            greaterThan: 0", "            greaterThan: zero", "checks[1] (checkout).steps[2] (pay).assertions[1].greaterThan", "'zero' is not a number", "greaterThan: zero")]
    [InlineData("a selector assertion has two operators", "            exists: true", "            exists: true\n            equals: x", "checks[1] (checkout).steps[2] (pay).assertions[0]", "needs exactly one operator beside 'json'", "json: \"$.order.id\"")]
    [InlineData("a selector assertion has no operator", "          - header: Content-Type\n            contains: application/json", "          - header: Content-Type", "checks[1] (checkout).steps[0] (login).assertions[1]", "needs exactly one operator beside 'header'", "header: Content-Type")]
    [InlineData("an operator sits beside a status", "        - status: 200\n        - latency", "        - status: 200\n          lessThan: 300\n        - latency", "checks[0] (homepage).request.assertions[0].lessThan", "'lessThan' belongs inside 'status', e.g. status: { lessThan: ... }", "lessThan: 300")]
    [InlineData("an assertion selector is an invalid JSONPath", "json: \"$.order.id\"", "json: \"$.order[\"", "checks[1] (checkout).steps[2] (pay).assertions[0].json", "'$.order[' is not a valid JSONPath", "$.order[")]
    [InlineData("a severity is unknown", "severity: degrade", "severity: warn", "checks[0] (homepage).request.assertions[1].severity", "'warn' is not a severity: use fail or degrade", "severity: warn")]
    // SLOs
    [InlineData("an SLO objective is 100", "    objective: 99.9\n", "    objective: 100\n", "slos[0] (purchases-available).objective", "must be greater than 0 and less than 100 (a percentage), not 100", "objective: 100")]
    [InlineData("an SLO objective is zero", "objective: 95", "objective: 0", "slos[3] (finder-success).objective", "must be greater than 0 and less than 100", "objective: 0")]
    [InlineData("an SLO objective is text", "objective: 99\n", "objective: high\n", "slos[1] (storefront-fast).objective", "expected a number, not 'high'", "high")]
    [InlineData("an SLO objective is missing", "    objective: 95\n", "", "slos[3] (finder-success).objective", "is required", "- name: finder-success")]
    [InlineData("an SLO window is 14d", "window: 7d", "window: 14d", "slos[1] (storefront-fast).window", "'14d' is not an SLO window: use 7d, 28d, 30d", "14d")]
    [InlineData("an SLO window is not a duration", "window: 28d", "window: monthly", "slos[2] (orders-fresh).window", "'monthly' is not an SLO window", "monthly")]
    [InlineData("an SLO field is misspelt", "    objective: 99.5", "    objectiv: 99.5", "slos[2] (orders-fresh).objectiv", "unknown field 'objectiv' (did you mean 'objective'?)", "objectiv:")]
    [InlineData("an SLO name is not a valid name", "- name: finder-success", "- name: 9finder", "slos[3] (9finder).name", "'9finder' is not a valid name", "9finder")]
    [InlineData("two SLOs share a name", "- name: orders-fresh", "- name: purchases-available", "slos[2] (purchases-available).name", "duplicate SLO name 'purchases-available': slos[0] (purchases-available) already uses it", "- name: purchases-available\n    objective: 99.5")]
    [InlineData("an SLO names an undeclared service", "    service: shop\n    description: Customers can pay.", "    service: billing\n    description: Customers can pay.", "slos[0] (purchases-available).service", "service 'billing' is not declared under services (declared: search, shop)", "billing")]
    [InlineData("an SLO has no sli", "    sli:\n      kql: { good: \"AppRequests | where Success\", total: \"AppRequests\" }\n", "", "slos[3] (finder-success).sli", "is required", "- name: finder-success")]
    [InlineData("an SLI kind is unknown", "availability: { check: checkout }", "uptime: { check: checkout }", "slos[0] (purchases-available).sli.uptime", "unknown field 'uptime'; allowed fields: availability, latency, freshness, kql", "uptime")]
    [InlineData("an SLI has no kind", "availability: { check: checkout }", "uptime: { check: checkout }", "slos[0] (purchases-available).sli", "needs exactly one SLI kind of availability, latency, freshness or kql, but has none", "uptime")]
    [InlineData("an SLI has two kinds", "      freshness: { dataCheck: orders-feed }", "      freshness: { dataCheck: orders-feed }\n      availability: { check: checkout }", "slos[2] (orders-fresh).sli", "but has availability and freshness", "freshness: { dataCheck")]
    [InlineData("an SLI names a check that does not exist", "availability: { check: checkout }", "availability: { check: checkout-v2 }", "slos[0] (purchases-available).sli.availability.check", "check 'checkout-v2' is not declared under checks (declared: checkout, homepage, search)", "checkout-v2")]
    [InlineData("a latency SLI names a check that does not exist", "check: homepage, threshold", "check: home, threshold", "slos[1] (storefront-fast).sli.latency.check", "check 'home' is not declared under checks", "check: home,")]
    [InlineData("a latency SLI has no threshold", "check: homepage, threshold: 800ms, degradedIsBad", "check: homepage, degradedIsBad", "slos[1] (storefront-fast).sli.latency.threshold", "is required", "degradedIsBad: true }")]
    [InlineData("a latency threshold is a bare number", "threshold: 800ms", "threshold: 800", "slos[1] (storefront-fast).sli.latency.threshold", "'800' is not a duration", "threshold: 800,")]
    [InlineData("a freshness SLI names a data check badly", "dataCheck: orders-feed", "dataCheck: orders.feed", "slos[2] (orders-fresh).sli.freshness.dataCheck", "'orders.feed' is not a valid name", "orders.feed")]
    [InlineData("a kql SLI has an empty good query", "good: \"AppRequests | where Success\"", "good: \"\"", "slos[3] (finder-success).sli.kql.good", "must not be empty", "good: \"\"")]
    [InlineData("a budgeting method is unknown", "budgeting: occurrences", "budgeting: events", "slos[0] (purchases-available).budgeting", "'events' is not a budgeting method: use occurrences or timeslices", "events")]
    [InlineData("a freshness SLO budgets occurrences", "  - name: orders-fresh\n", "  - name: orders-fresh\n    budgeting: occurrences # stale\n", "slos[2] (orders-fresh).budgeting", "a freshness SLI is budgeted by timeslices", "occurrences # stale")]
    [InlineData("an alerting window set is an unknown word", "windows: default", "windows: google", "slos[0] (purchases-available).alerting.windows", "'google' is not a window set: use default or a list of pairs", "google")]
    [InlineData("an alerting field is misspelt", "minBadEvents: 3", "minBadEvent: 3", "slos[0] (purchases-available).alerting.minBadEvent", "did you mean 'minBadEvents'?", "minBadEvent:")]
    [InlineData("minBadEvents is zero", "minBadEvents: 3", "minBadEvents: 0", "slos[0] (purchases-available).alerting.minBadEvents", "must be from 1 to 1000, not 0", "minBadEvents: 0")]
    [InlineData("a custom pair's severity is unknown", "{ severity: page, longWindow: 1h", "{ severity: critical, longWindow: 1h", "slos[1] (storefront-fast).alerting.windows[0].severity", "'critical' is not a severity: use page or ticket", "severity: critical, longWindow")]
    [InlineData("a custom pair's short window is not shorter than its long one", "longWindow: 1d, shortWindow: 2h", "longWindow: 1d, shortWindow: 2d", "slos[1] (storefront-fast).alerting.windows[1].shortWindow", "shortWindow 2d must be shorter than longWindow 1d", "shortWindow: 2d")]
    [InlineData("a custom pair's long window exceeds the SLO window", "longWindow: 1d, shortWindow: 2h", "longWindow: 8d, shortWindow: 2h", "slos[1] (storefront-fast).alerting.windows[1].longWindow", "longWindow 8d must not exceed the SLO window 7d", "longWindow: 8d")]
    [InlineData("a custom pair's factor is zero", "factor: 3 }", "factor: 0 }", "slos[1] (storefront-fast).alerting.windows[1].factor", "must be greater than 0, not 0", "factor: 0")]
    [InlineData("a custom pair has no factor", ", factor: 3 }", " }", "slos[1] (storefront-fast).alerting.windows[1].factor", "is required", "{ severity: ticket")]
    [InlineData("the custom pair list is empty", "      windows:\n        - { severity: page, longWindow: 1h, shortWindow: 5m, factor: 14.4 }\n        - { severity: ticket, longWindow: 1d, shortWindow: 2h, factor: 3 }\n", "      windows: []\n", "slos[1] (storefront-fast).alerting.windows", "must list at least one pair, or say default", "windows: []")]
    // YAML itself
    [InlineData("a key appears twice", "    retries: 0\n", "    retries: 0\n    retries: 1\n", "", "duplicate key 'retries'", "retries: 1")]
    public void Load_ReportsPathMessageAndLine_WhenSpecHasOneMistake(string mistake, string find, string replace, string path, string messageFragment, string lineMarker)
    {
        var yaml = Fixture.Mutate(find, replace);

        var result = Fixture.Load(yaml);

        Assert.False(result.IsValid, mistake);
        Assert.Null(result.Spec);
        var error = Assert.Single(result.Errors, e => e.Path == path && e.Message.Contains(messageFragment, StringComparison.Ordinal));
        Assert.Equal(Fixture.LineOf(yaml, lineMarker), error.Line);
    }
}
