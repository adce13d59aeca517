using System.Diagnostics.Metrics;

namespace SupportFlow.Server.Operations;

/// <summary>
/// SupportFlow's own instruments (meter <c>SupportFlow</c>), exported for Prometheus at
/// <c>/metrics</c> beside ASP.NET Core's request metrics. Prometheus names: the dots become
/// underscores and counters end in <c>_total</c>, e.g. <c>supportflow_tickets_created_total</c>.
/// A singleton whose meter comes from <see cref="IMeterFactory"/>, so each host (and each test's
/// server) has its own instruments, disposed with it.
/// </summary>
public sealed class SupportFlowMetrics
{
    public const string MeterName = "SupportFlow";

    private long _outboxPending;
    private long _outboxFailed;

    public SupportFlowMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        TicketsCreated = meter.CreateCounter<long>("supportflow.tickets.created", "{ticket}",
            "Tickets acknowledged to the reporter (stored)");
        SlaEvents = meter.CreateCounter<long>("supportflow.sla.events", "{event}",
            "SLA warnings, breaches and escalations recorded; tag level = warning, breach or escalation");
        JobDuration = meter.CreateHistogram<double>("supportflow.job.duration", "s",
            "Duration of one run of a background job; tag job", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        OutboxDeliveries = meter.CreateCounter<long>("supportflow.outbox.deliveries", "{attempt}",
            "Delivery attempts of outbox messages; tags channel (email, chat) and result: sent, retry (failed, tried again later) or failed (gave up)");
        meter.CreateObservableGauge("supportflow.outbox.messages", () => new[]
            {
                new Measurement<long>(Interlocked.Read(ref _outboxPending), new KeyValuePair<string, object?>("status", "pending")),
                new Measurement<long>(Interlocked.Read(ref _outboxFailed), new KeyValuePair<string, object?>("status", "failed")),
            },
            "{message}", "Outbox messages pending or failed, as last counted by the delivery worker");
    }

    public Counter<long> TicketsCreated { get; }

    public Counter<long> SlaEvents { get; }

    public Histogram<double> JobDuration { get; }

    public Counter<long> OutboxDeliveries { get; }

    /// <summary>
    /// Outbox depth: messages waiting (pending) and given up (failed, until an admin retries them),
    /// as this node's delivery worker last counted them. Every node counts the same shared table.
    /// </summary>
    public void ObserveOutbox(long pending, long failed)
    {
        Interlocked.Exchange(ref _outboxPending, pending);
        Interlocked.Exchange(ref _outboxFailed, failed);
    }
}
