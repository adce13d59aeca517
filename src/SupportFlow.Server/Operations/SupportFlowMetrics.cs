using System.Diagnostics.Metrics;

namespace SupportFlow.Server.Operations;

/// <summary>
/// SupportFlow's own instruments (meter <c>SupportFlow</c>), exported for Prometheus at
/// <c>/metrics</c> beside ASP.NET Core's request metrics. Prometheus names: the dots become
/// underscores and counters end in <c>_total</c>, e.g. <c>supportflow_tickets_created_total</c>.
/// </summary>
public static class SupportFlowMetrics
{
    public const string MeterName = "SupportFlow";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> TicketsCreated =
        Meter.CreateCounter<long>("supportflow.tickets.created", "{ticket}", "Tickets acknowledged to the reporter (stored)");

    public static readonly Counter<long> SlaEvents = Meter.CreateCounter<long>("supportflow.sla.events", "{event}",
        "SLA warnings, breaches and escalations recorded; tag level = warning, breach or escalation");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("supportflow.job.duration", "s",
        "Duration of one run of a background job; tag job", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    /// <summary>For gauges of other features (e.g. outbox depth), so all of SupportFlow's instruments share one meter.</summary>
    public static Meter Shared => Meter;
}
