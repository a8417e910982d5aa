using System.Collections.Immutable;
using Monitoring.Azure.AppInsights;
using Monitoring.Core.Checks;
using Xunit;

namespace Monitoring.Azure.Tests.AppInsights;

public sealed class AvailabilityRecordTests
{
    private static readonly CheckRunResult Healthy = new(
        "checkout", "shop", "westeurope", "run-1", new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero),
        CheckOutcome.Healthy, 123.4, 1, null, null, 200, null, 40, ImmutableArray<StepResult>.Empty);

    [Fact]
    public void From_MapsAHealthyRun_ToASuccessAtItsStartWithItsLocation()
    {
        var telemetry = AvailabilityRecord.From(Healthy);

        Assert.Equal(("checkout", "run-1", true, "westeurope"), (telemetry.Name, telemetry.Id, telemetry.Success, telemetry.RunLocation));
        Assert.Equal(Healthy.StartedAt, telemetry.Timestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(123.4), telemetry.Duration);
        Assert.Equal(
            new Dictionary<string, string> { ["RunId"] = "run-1", ["Outcome"] = "Healthy", ["Attempts"] = "1", ["Service"] = "shop", ["StatusCode"] = "200" },
            telemetry.Properties);
    }

    [Fact]
    public void From_MapsAFailedRun_ToAFailureWithItsMessageStepAndErrorKind()
    {
        var failed = Healthy with { Outcome = CheckOutcome.Failed, Attempts = 3, FailedStep = "pay", ErrorKind = ErrorKind.HttpStatus, StatusCode = 503, Message = "status 503, expected 200" };

        var telemetry = AvailabilityRecord.From(failed);

        Assert.False(telemetry.Success);
        Assert.Equal("status 503, expected 200", telemetry.Message);
        Assert.Equal(("pay", "http-status", "503", "3", "Failed"), (telemetry.Properties["FailedStep"], telemetry.Properties["ErrorKind"], telemetry.Properties["StatusCode"], telemetry.Properties["Attempts"], telemetry.Properties["Outcome"]));
    }

    [Fact]
    public void From_CountsADegradedRunAsAvailable_KeepingItsOutcome()
    {
        var telemetry = AvailabilityRecord.From(Healthy with { Outcome = CheckOutcome.Degraded, Message = "slow" });

        Assert.True(telemetry.Success);
        Assert.Equal(("slow", "Degraded"), (telemetry.Message, telemetry.Properties["Outcome"]));
    }

    [Fact]
    public void From_LeavesOutPropertiesTheRunDoesNotHave()
    {
        var telemetry = AvailabilityRecord.From(Healthy with { Service = null, StatusCode = null });

        Assert.Equal(["Attempts", "Outcome", "RunId"], telemetry.Properties.Keys.Order(StringComparer.Ordinal));
    }
}
