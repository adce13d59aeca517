using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Data;
using SupportFlow.Search;
using SupportFlow.Sla;
using SupportFlow.Tickets;

namespace SupportFlow.DataGen;

/// <summary>
/// Lives tickets through the real domain (<see cref="Ticket"/>'s methods, SLA applied as the
/// server does) and writes them in batches (<see cref="BulkTable"/>), a transaction per batch. Tickets are
/// received evenly over the days before now, about 1,500 a day; their state depends on their
/// age: the last two days mostly open, the last two weeks partly, older ones closed but for a
/// 1.5% backlog and 2% cancelled.
/// </summary>
public sealed class TicketWriter(SupportFlowDbContext db, DeskPeople desk, BusinessCalendar calendar,
    IReadOnlyList<SlaEscalation> escalations, IReadOnlyDictionary<Priority, SlaPolicy> policies, TimeZoneInfo zone, int seed)
{
    private const int BatchSize = 2_000;
    private readonly Random _random = new(seed);
    private readonly Dictionary<DateOnly, int> _serials = [];
    private long _historyId;
    private long _intervalId;
    private long _eventId;
    private int _open;

    public sealed record Progress(int Tickets, long Rows);

    public string Summary { get; private set; } = "";

    /// <summary>Writes <paramref name="count"/> tickets received over <paramref name="days"/> days before <paramref name="now"/> (null: about 1,500 a day).</summary>
    public async Task WriteAsync(int count, DateTimeOffset now, Action<Progress> report, double? days = null)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        if (db.Database.IsSqlite())
        {
            // A benchmark database written once: no fsync per batch (the server's own connections use FULL).
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        }

        var tickets = new BulkTable(db, connection, typeof(Ticket));
        var history = new BulkTable(db, connection, typeof(TicketHistoryEntry));
        var intervals = new BulkTable(db, connection, typeof(TicketClockInterval));
        var events = new BulkTable(db, connection, typeof(TicketSlaEvent));
        var search = new BulkTable(db, connection, typeof(TicketSearchDocument));
        var counters = new BulkTable(db, connection, typeof(TicketDayCounter));
        BulkTable[] all = [tickets, history, intervals, events, search, counters];

        var span = days ?? Math.Clamp(count / 1500.0, 30, 1000);
        var start = now.AddDays(-span);
        var step = TimeSpan.FromDays(span) / count;
        DbTransaction? transaction = null;
        for (var i = 0; i < count; i++)
        {
            if (i % BatchSize == 0)
            {
                await CommitAsync(transaction, all);
                transaction = await connection.BeginTransactionAsync();
                if (i > 0 && i % (BatchSize * 25) == 0)
                {
                    report(new Progress(i, all.Sum(t => t.Rows)));
                }
            }

            var receivedAt = start + step * (i + _random.NextDouble());
            var ticket = Live(receivedAt, now);
            long id = i + 1;
            BulkTable.Set(ticket, nameof(Ticket.Id), id);
            BulkTable.Set(ticket, nameof(Ticket.ModuleId), ticket.Module.Id);
            tickets.Add(ticket);
            foreach (var line in ticket.History)
            {
                BulkTable.Set(line, nameof(TicketHistoryEntry.Id), ++_historyId);
                BulkTable.Set(line, nameof(TicketHistoryEntry.TicketId), id);
                history.Add(line);
            }

            foreach (var interval in ticket.ClockIntervals)
            {
                BulkTable.Set(interval, nameof(TicketClockInterval.Id), ++_intervalId);
                BulkTable.Set(interval, nameof(TicketClockInterval.TicketId), id);
                intervals.Add(interval);
            }

            foreach (var slaEvent in ticket.SlaEvents)
            {
                BulkTable.Set(slaEvent, nameof(TicketSlaEvent.Id), ++_eventId);
                BulkTable.Set(slaEvent, nameof(TicketSlaEvent.TicketId), id);
                events.Add(slaEvent);
            }

            search.Add(TicketSearchDocument.Rebuild(id, ticket.Number, ticket.Title, ticket.Description,
                ticket.History.Where(TicketSearchDocument.IsSearchable).Select(h => (h.Note!, h.IsPublic))));
        }

        foreach (var (day, serial) in _serials)
        {
            counters.Add(new TicketDayCounter { Day = TicketNumber.CounterKey(day), LastSerial = serial });
        }

        await CommitAsync(transaction, all);
        if (db.Database.IsNpgsql())
        {
            // The rows came with their ids: move each identity past them, or the server's next insert collides.
            foreach (var table in new[] { tickets, history, intervals, events })
            {
                // Table names come from the EF model, not from input.
                var sql = $"SELECT setval(pg_get_serial_sequence('\"{table.Table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table.Table}\"))";
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        Summary = string.Join(", ", all.Select(t => $"{t.Table} {t.Rows:N0}")) + $"; {_open:N0} tickets open";
    }

    /// <summary>Writes the batch's rows, table by table in foreign-key order, and commits them.</summary>
    private static async Task CommitAsync(DbTransaction? transaction, BulkTable[] tables)
    {
        if (transaction is null)
        {
            return;
        }

        foreach (var table in tables)
        {
            await table.FlushAsync(transaction);
        }

        await transaction.CommitAsync();
        await transaction.DisposeAsync();
    }

    private Ticket Live(DateTimeOffset receivedAt, DateTimeOffset now)
    {
        var module = desk.Modules[_random.Next(desk.Modules.Count)];
        var reporter = desk.Reporters[_random.Next(desk.Reporters.Count)];
        var reporterActor = reporter.ToActor();
        var roll = _random.NextDouble();
        var priority = roll switch { < 0.05 => Priority.P1, < 0.20 => Priority.P2, < 0.70 => Priority.P3, _ => Priority.P4 };
        var day = TicketNumber.DayOf(receivedAt, zone);
        var serial = _serials[day] = _serials.GetValueOrDefault(day) + 1;
        var (title, description) = TicketTexts.Ticket(_random);
        var occurredAt = receivedAt.AddMinutes(-_random.Next(0, 120));
        var intake = new TicketIntake(title, description,
            new DateTimeOffset(occurredAt.Ticks - (occurredAt.Ticks % TimeSpan.TicksPerMinute), occurredAt.Offset), receivedAt,
            _random.Next(4) == 0 ? "整个部门无法工作" : "One person affected", priority, (Channel)_random.Next(5),
            new ReporterInfo(reporter.Id, reporter.Name, reporter.Department?.Name, reporter.Phone, reporter.Email));
        var ticket = Ticket.Receive(TicketNumber.Format(day, serial), intake, module, reporterActor, receivedAt, policies[priority]);

        var age = now - receivedAt;
        var fate = _random.NextDouble();
        var target = age < TimeSpan.FromDays(2)
            ? fate switch { < 0.3 => TicketStatus.New, < 0.55 => TicketStatus.Assigned, < 0.85 => TicketStatus.InProgress, < 0.95 => TicketStatus.Pending, _ => TicketStatus.Resolved }
            : age < TimeSpan.FromDays(14)
                ? fate switch { < 0.05 => TicketStatus.Assigned, < 0.25 => TicketStatus.InProgress, < 0.32 => TicketStatus.Pending, < 0.5 => TicketStatus.Resolved, _ => TicketStatus.Closed }
                : fate switch { < 0.01 => TicketStatus.InProgress, < 0.015 => TicketStatus.Pending, < 0.035 => TicketStatus.Cancelled, _ => TicketStatus.Closed };

        var engineers = desk.Engineers[module.Team!.Id];
        var engineer = engineers[_random.Next(engineers.Count)];
        var engineerActor = engineer.ToActor();
        var supervisor = desk.Supervisors[_random.Next(desk.Supervisors.Count)].ToActor();
        var at = receivedAt;
        bool Next(int minMinutes, int maxMinutes)
        {
            at = at.AddMinutes(_random.Next(minMinutes, maxMinutes));
            return at <= now;
        }

        if (target == TicketStatus.Cancelled)
        {
            if (Next(5, 600))
            {
                ticket.Cancel(reporterActor, at, "重复提交 / duplicate");
            }
        }
        else if (target != TicketStatus.New && Next(5, 120))
        {
            ticket.Assign(supervisor, at, engineer, module.Team!, null);
            if (target != TicketStatus.Assigned && Next(1, 60))
            {
                ticket.Start(engineerActor, at);
                for (var k = _random.Next(1, 4); k > 0 && Next(10, 240); k--)
                {
                    ticket.LogWork(engineerActor, at, TicketTexts.WorkNote(_random), WorkMethod.Remote);
                }

                if (_random.Next(2) == 0 && Next(5, 120))
                {
                    ticket.PostUpdate(engineerActor, at, TicketTexts.Update(_random));
                }

                if (_random.Next(4) == 0 && Next(5, 240))
                {
                    ticket.Comment(reporterActor, at, "补充：" + TicketTexts.Ticket(_random).Description);
                }

                if (target == TicketStatus.Pending && Next(5, 240))
                {
                    ticket.Pend(engineerActor, at, PendingReason.Reporter, "请提供截图");
                }
                else if (target is TicketStatus.Resolved or TicketStatus.Closed && Next(30, 3 * 24 * 60))
                {
                    ticket.Resolve(engineerActor, at, "已修复：" + TicketTexts.WorkNote(_random), "配置错误", null, Verification.Remote, null);
                    var confirmed = _random.Next(10) < 7 && Next(10, 24 * 60);
                    if (confirmed)
                    {
                        ticket.Confirm(reporterActor, at, true, "已测试，正常", _random.Next(3, 6));
                    }

                    if (target == TicketStatus.Closed && Next(10, 24 * 60))
                    {
                        ticket.Close(confirmed ? engineerActor : supervisor, at, "配置错误", "已修复");
                    }
                }
            }
        }

        ticket.ApplySla(calendar, escalations, TicketTransitions.IsOpen(ticket.Status) ? now : at < now ? at : now);
        _open += TicketTransitions.IsOpen(ticket.Status) ? 1 : 0;
        return ticket;
    }
}
