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

    public static readonly Counter<long> OutboxDeliveries = Meter.CreateCounter<long>("supportflow.outbox.deliveries", "{attempt}",
        "Delivery attempts of outbox messages; tags channel (email, chat) and result: sent, retry (failed, tried again later) or failed (gave up)");

    private static long _outboxPending;
    private static long _outboxFailed;

    /// <summary>
    /// Outbox depth: messages waiting (pending) and given up (failed, until an admin retries them),
    /// as this node's delivery worker last counted them. Every node counts the same shared table.
    /// </summary>
    public static readonly ObservableGauge<long> OutboxMessages = Meter.CreateObservableGauge("supportflow.outbox.messages",
        () => new[]
        {
            new Measurement<long>(Interlocked.Read(ref _outboxPending), new KeyValuePair<string, object?>("status", "pending")),
            new Measurement<long>(Interlocked.Read(ref _outboxFailed), new KeyValuePair<string, object?>("status", "failed")),
        },
        "{message}", "Outbox messages pending or failed, as last counted by the delivery worker");

    public static void ObserveOutbox(long pending, long failed)
    {
        Interlocked.Exchange(ref _outboxPending, pending);
        Interlocked.Exchange(ref _outboxFailed, failed);
    }

    /// <summary>For gauges of other features (e.g. outbox depth), so all of SupportFlow's instruments share one meter.</summary>
    public static Meter Shared => Meter;
}
