using Monitoring.Core.Notifications;

namespace Monitoring.Functions.Alerting;

/// <summary>One delivery of one message to one channel, as the dispatcher reports it to its caller.</summary>
public sealed record DeliveryRecord(string Route, string Channel, string GroupKey, int Alerts, DeliveryResult Result);
