using Xunit;
using System.Text.Json.Nodes;
using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.Tests.Invocation;

public sealed class TimerPayloadTests
{
    [Fact]
    public void From_ReadsScheduleStatus_WhenHostSendsDocumentedShape()
    {
        var data = JsonNode.Parse("""
            {"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-23T10:00:00+00:00","Next":"2026-11-23T10:01:00+00:00","LastUpdated":"2026-11-23T10:00:00+00:00"},"IsPastDue":true}}
            """)!.AsObject();

        var payload = TimerPayload.From(data);

        Assert.True(payload.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), payload.Last);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 1, 0, TimeSpan.Zero), payload.Next);
    }

    [Theory]
    // Shapes the host might send that are not the documented one: read what is there, never fail.
    [InlineData("""{}""")]
    [InlineData("""{"timer":null}""")]
    [InlineData("""{"timer":{"scheduleStatus":null,"isPastDue":"maybe"}}""")]
    [InlineData("""{"myTimer":"{\"IsPastDue\":false}"}""")]
    [InlineData("""{"timer":{"ScheduleStatus":{"Last":"not a date"}}}""")]
    public void From_ReturnsDefaults_WhenShapeIsUnexpected(string json)
    {
        var payload = TimerPayload.From(JsonNode.Parse(json)!.AsObject());

        Assert.False(payload.IsPastDue);
        Assert.Null(payload.Last);
    }

    [Fact]
    public void From_ReadsCaseInsensitively_WhenHostUsesCamelCase()
    {
        var payload = TimerPayload.From(JsonNode.Parse("""{"timer":{"scheduleStatus":{"next":"2026-11-23T10:05:00Z"},"isPastDue":true}}""")!.AsObject());

        Assert.True(payload.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero), payload.Next);
    }

    [Fact]
    public void ToJson_RoundTrips_ThroughFrom()
    {
        var original = new TimerPayload(true, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 9, 1, 0, TimeSpan.Zero));

        Assert.Equal(original, TimerPayload.From(new JsonObject { ["timer"] = original.ToJson() }));
    }
}
