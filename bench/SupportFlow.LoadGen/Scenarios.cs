using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SupportFlow.LoadGen;

/// <summary>The outcome of one scenario's measured phase.</summary>
public sealed record ScenarioResult(
    string Name,
    string Unit,
    int UnitsDone,
    TimeSpan Wall,
    Recorder.Sample[] Samples,
    IReadOnlyList<string> Notes,
    bool? CheckPassed,
    string CheckName);

/// <summary>
/// The three workloads. Each runs <see cref="LoadOptions.Concurrency"/> workers that take work
/// items from a shared counter until the count is reached or the duration cap has passed.
/// </summary>
public sealed class Scenarios(Api api, LoadOptions options, Fixture fixture)
{
    /// <summary>Requests still in flight when the duration cap passes get this long before they are cancelled.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private static readonly string[] Priorities = ["P1", "P2", "P3", "P4"];
    private static readonly string[] Channels = ["phone", "portal", "email", "chat", "api"];

    private static readonly string[] Problems =
    [
        "Printer on floor 3 prints blank pages", "VPN drops every few minutes", "Cannot log in to the sales module",
        "Captcha error on login", "Invoice export times out", "E-mail attachments are rejected",
        "登录时提示验证码错误", "打印机无法连接", "Report page shows a server error", "Password reset mail never arrives",
    ];

    public async Task<ScenarioResult> IntakeAsync(CancellationToken ct)
    {
        var numbers = new ConcurrentBag<string>();
        var (wall, samples, done) = await MeasureAsync(options.Tickets, async (i, stop) =>
        {
            var created = await api.PostAsync("create", "/api/tickets", fixture.ReporterToken, NewTicket(i), stop);
            if (created.IsSuccess)
            {
                numbers.Add(created.Json().GetProperty("number").GetString()!);
                return true;
            }

            return false;
        }, ct);

        var notes = new List<string>();
        var ok = await CheckNumbersAsync(numbers.ToList(), notes, ct);
        return new ScenarioResult("intake", "tickets", done, wall, samples, notes, ok, "numbers distinct+contiguous");
    }

    /// <summary>One ticket's engineer flow: create, assign, start, worklog, resolve.</summary>
    public async Task<ScenarioResult> MixedAsync(CancellationToken ct)
    {
        var numbers = new ConcurrentBag<string>();
        var failedAt = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var (wall, samples, done) = await MeasureAsync(options.Tickets, async (i, stop) =>
        {
            var created = await api.PostAsync("create", "/api/tickets", fixture.ReporterToken, NewTicket(i), stop);
            if (!created.IsSuccess)
            {
                failedAt.AddOrUpdate("create", 1, (_, n) => n + 1);
                return false;
            }

            var number = created.Json().GetProperty("number").GetString()!;
            numbers.Add(number);
            var path = $"/api/tickets/{number}";
            (string Step, Func<Task<ApiResponse>> Call)[] steps =
            [
                ("assign", () => api.PostAsync("assign", $"{path}/assign", fixture.AdminToken,
                    new { assignee = fixture.Engineer, reason = "load test dispatch" }, stop)),
                ("start", () => api.PostAsync("start", $"{path}/start", fixture.EngineerToken, null, stop)),
                ("worklog", () => api.PostAsync("worklog", $"{path}/worklog", fixture.EngineerToken,
                    new { text = "Checked the logs: the connection pool was exhausted.", method = "remote" }, stop)),
                ("resolve", () => api.PostAsync("resolve", $"{path}/resolve", fixture.EngineerToken,
                    new
                    {
                        solution = "Raised the pool size and restarted the service.", cause = "Connection pool exhausted",
                        workaround = "Retry after a minute", verification = "remote", backup = "Configuration exported",
                    }, stop)),
            ];
            foreach (var (step, call) in steps)
            {
                if (!(await call()).IsSuccess)
                {
                    failedAt.AddOrUpdate(step, 1, (_, n) => n + 1);
                    return false;
                }
            }

            return true;
        }, ct);

        var notes = new List<string>();
        if (!failedAt.IsEmpty)
        {
            notes.Add("flows abandoned at: " + string.Join(", ", failedAt.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key} x{p.Value}")));
        }

        var ok = await CheckNumbersAsync(numbers.ToList(), notes, ct);
        return new ScenarioResult("mixed", "flows", done, wall, samples, notes, ok, "numbers distinct+contiguous");
    }

    /// <summary>
    /// Engineers paging through the ticket list: each walk takes one filter and follows
    /// nextCursor for up to <see cref="MaxPagesPerWalk"/> pages of 50. Filters name modules,
    /// teams and assignees that the newest tickets carry, so they match real rows.
    /// </summary>
    public async Task<ScenarioResult> ListAsync(CancellationToken ct)
    {
        var notes = new List<string>();
        var newest = await Ok(api.GetAsync("setup", "/api/tickets?limit=200", fixture.AdminToken, ct), "GET /api/tickets");
        var items = newest.Json().GetProperty("items");
        if (items.GetArrayLength() == 0)
        {
            notes.Add($"no tickets yet: seeded {await SeedAsync(ct)} tickets (not measured)");
            newest = await Ok(api.GetAsync("setup", "/api/tickets?limit=200", fixture.AdminToken, ct), "GET /api/tickets");
            items = newest.Json().GetProperty("items");
        }

        var filters = Filters(items);
        var slots = -1;
        var walks = 0;
        var pages = 0L;
        var rows = 0L;
        var recorder = new Recorder();
        api.Recorder = recorder;
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        hardStop.CancelAfter(options.Duration + Grace);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
        {
            for (var walk = w; ; walk += options.Concurrency)
            {
                var (name, query) = filters[walk % filters.Count];
                string? cursor = null;
                for (var page = 0; page < MaxPagesPerWalk; page++)
                {
                    if (Interlocked.Increment(ref slots) >= options.Requests || clock.Elapsed >= options.Duration)
                    {
                        return;
                    }

                    var path = $"/api/tickets?limit=50{query}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
                    var response = await api.GetAsync($"list {name}", path, fixture.EngineerToken, hardStop.Token);
                    if (!response.IsSuccess)
                    {
                        break;
                    }

                    Interlocked.Increment(ref pages);
                    var json = response.Json();
                    Interlocked.Add(ref rows, json.GetProperty("items").GetArrayLength());
                    cursor = json.GetProperty("nextCursor").GetString();
                    if (cursor is null)
                    {
                        break;
                    }
                }

                Interlocked.Increment(ref walks);
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        var wall = clock.Elapsed;
        api.Recorder = null;

        notes.Add($"{walks} walks over {filters.Count} filters, {pages} pages, {rows} rows returned "
            + $"({(pages == 0 ? 0 : (double)rows / pages):F1} rows/page)");
        notes.Add("filters: " + string.Join(" | ", filters.Select(f => f.Name)));
        var ok = await CheckPagingAsync(notes, ct);
        return new ScenarioResult("list", "pages", (int)pages, wall, recorder.Snapshot(), notes, ok, "full walk: no repeats, ordered");
    }

    private const int MaxPagesPerWalk = 10;

    /// <summary>
    /// A team's queue, as an engineer opens it: open tickets of one team, nearest SLA due first,
    /// 50 a page, then the next two pages by cursor. Teams are the desk's own (not this run's).
    /// </summary>
    public async Task<ScenarioResult> QueueAsync(CancellationToken ct)
    {
        var teams = (await Ok(api.GetAsync("setup", "/api/teams", fixture.AdminToken, ct), "GET /api/teams")).Json()
            .EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Where(t => t != fixture.Team).ToList();
        var rows = 0L;
        var (wall, samples, done) = await MeasureAsync(options.Requests / 3, async (i, stop) =>
        {
            string? cursor = null;
            var query = $"/api/tickets?team={Uri.EscapeDataString(teams[i % teams.Count])}&status=new,assigned,inProgress,pending&sort=slaDue&limit=50";
            for (var page = 1; page <= 3; page++)
            {
                var response = await api.GetAsync(page == 1 ? "queue page 1" : "queue page 2-3",
                    query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), fixture.AdminToken, stop);
                if (!response.IsSuccess)
                {
                    return false;
                }

                var json = response.Json();
                Interlocked.Add(ref rows, json.GetProperty("items").GetArrayLength());
                if ((cursor = json.GetProperty("nextCursor").GetString()) is null)
                {
                    break;
                }
            }

            return true;
        }, ct);
        return new ScenarioResult("queue", "walks", done, wall, samples,
            [$"teams: {string.Join(", ", teams)}; {rows} rows returned"], null, "-");
    }

    /// <summary>
    /// Full-text search as people type it (<c>GET /api/tickets?q=</c>, first page of 50): common
    /// symptoms found in thousands of tickets, rare error codes, one character, several terms,
    /// English words, and a search within a team's open tickets. Each kind is timed apart.
    /// </summary>
    public async Task<ScenarioResult> SearchAsync(CancellationToken ct)
    {
        (string Kind, Func<Random, string> Query)[] searches =
        [
            ("common zh", r => Pick(r, ["卡纸", "无法登录", "同步失败", "验证码", "连接超时", "打印机"])),
            ("common en", r => Pick(r, ["paper jam", "captcha", "times out", "certificate error", "outlook"])),
            ("rare code", r => "E" + r.Next(1000, 10000).ToString(CultureInfo.InvariantCulture)),
            ("1 char", r => Pick(r, ["卡", "慢", "锁"])),
            ("3 terms", r => Pick(r, ["三楼 打印机 卡纸", "VPN 频繁掉线 会议室", "outlook 同步失败 销售部"])),
            ("in team queue", r => Pick(r, ["卡纸", "无法登录", "lost my files"]) + "&team=Hardware&status=new,assigned,inProgress,pending"),
        ];
        var matched = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var (wall, samples, done) = await MeasureAsync(options.Requests, async (i, stop) =>
        {
            var (kind, make) = searches[i % searches.Length];
            var random = new Random(i);
            var q = make(random);
            var amp = q.IndexOf('&', StringComparison.Ordinal);
            var path = "/api/tickets?limit=50&q=" + (amp < 0 ? Uri.EscapeDataString(q) : Uri.EscapeDataString(q[..amp]) + q[amp..]);
            var response = await api.GetAsync("search " + kind, path, fixture.AdminToken, stop);
            if (response.IsSuccess)
            {
                matched.AddOrUpdate(kind, response.Json().GetProperty("items").GetArrayLength(), (_, n) => n + response.Json().GetProperty("items").GetArrayLength());
            }

            return response.IsSuccess;
        }, ct);
        return new ScenarioResult("search", "searches", done, wall, samples,
            ["rows returned per kind: " + string.Join(", ", matched.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))],
            null, "-");
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private List<(string Name, string Query)> Filters(JsonElement items)
    {
        static string Esc(string s) => Uri.EscapeDataString(s);
        var modules = items.EnumerateArray().Select(t => t.GetProperty("module").GetString()!)
            .GroupBy(m => m, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var teams = items.EnumerateArray()
            .Select(t => t.GetProperty("team").ValueKind == JsonValueKind.String ? t.GetProperty("team").GetString() : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var assignees = items.EnumerateArray()
            .Select(t => t.GetProperty("assignee").ValueKind == JsonValueKind.Object
                ? t.GetProperty("assignee").GetProperty("login").GetString() : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        var filters = new List<(string, string)>
        {
            ("all", ""),
            ("status=new", "&status=new"),
            ("status=assigned,inProgress", "&status=assigned,inProgress"),
            ("status=resolved", "&status=resolved"),
            ("priority=P1,P2", "&priority=P1,P2"),
            ("assignee=none", "&assignee=none"),
            ("text=printer", "&text=printer"),
        };
        filters.Add(("module", "&module=" + Esc(modules.FirstOrDefault() ?? fixture.Module)));
        filters.Add(("team", "&team=" + Esc(teams.FirstOrDefault() ?? fixture.Team)));
        filters.Add(("assignee=<engineer>", "&assignee=" + Esc(assignees.FirstOrDefault() ?? fixture.Engineer)));
        return filters;
    }

    private async Task<int> SeedAsync(CancellationToken ct)
    {
        var seeded = 0;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Duration + Grace);
        for (var i = 0; i < options.Tickets && !limit.IsCancellationRequested; i++)
        {
            if ((await api.PostAsync("seed", "/api/tickets", fixture.ReporterToken, NewTicket(i), limit.Token)).IsSuccess)
            {
                seeded++;
            }
        }

        return seeded;
    }

    /// <summary>Runs the workers and times the phase; <paramref name="work"/> says whether its unit completed.</summary>
    private async Task<(TimeSpan Wall, Recorder.Sample[] Samples, int Done)> MeasureAsync(int units,
        Func<int, CancellationToken, Task<bool>> work, CancellationToken ct)
    {
        var recorder = new Recorder();
        api.Recorder = recorder;
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        hardStop.CancelAfter(options.Duration + Grace);
        var next = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= units || clock.Elapsed >= options.Duration || hardStop.IsCancellationRequested)
                {
                    return;
                }

                if (await work(i, hardStop.Token))
                {
                    Interlocked.Increment(ref done);
                }
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        var wall = clock.Elapsed;
        api.Recorder = null;
        return (wall, recorder.Snapshot(), done);
    }

    /// <summary>
    /// The numbers handed out in this run must be distinct, and per receiving day contiguous:
    /// nothing else creates tickets during the run, so any hole is a lost or skipped serial.
    /// A hole is looked up: a ticket that exists was created but its response never arrived.
    /// </summary>
    private async Task<bool?> CheckNumbersAsync(List<string> numbers, List<string> notes, CancellationToken ct)
    {
        if (numbers.Count == 0)
        {
            notes.Add("numbering: no ticket was created");
            return false;
        }

        var ok = true;
        var duplicates = numbers.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            ok = false;
            notes.Add($"numbering: FAIL {duplicates.Count} duplicate numbers, e.g. {string.Join(", ", duplicates.Take(5))}");
        }

        foreach (var day in numbers.Distinct(StringComparer.Ordinal).GroupBy(n => n[..8], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var serials = day.Select(n => int.Parse(n.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture)).Order().ToArray();
            var holes = new List<int>();
            for (var k = 1; k < serials.Length && holes.Count <= 50; k++)
            {
                for (var missing = serials[k - 1] + 1; missing < serials[k] && holes.Count <= 50; missing++)
                {
                    holes.Add(missing);
                }
            }

            if (holes.Count == 0)
            {
                notes.Add($"numbering: day {day.Key}: {serials.Length} numbers {serials[0]:000}..{serials[^1]:000}, distinct and contiguous: OK");
                continue;
            }

            ok = false;
            var found = 0;
            foreach (var hole in holes.Take(20))
            {
                var number = string.Create(CultureInfo.InvariantCulture, $"{day.Key}-{hole:000}");
                if ((await api.GetAsync("check", $"/api/tickets/{number}", fixture.AdminToken, ct)).IsSuccess)
                {
                    found++;
                }
            }

            notes.Add($"numbering: day {day.Key}: FAIL {serials.Length} numbers {serials[0]:000}..{serials[^1]:000} with holes at "
                + $"{string.Join(", ", holes.Take(10))}{(holes.Count > 10 ? ", ..." : "")}; {found} of the first {Math.Min(20, holes.Count)} "
                + "holes exist on the server (created, response lost)");
        }

        return ok;
    }

    /// <summary>An unmeasured walk of the whole list, 200 a page: no ticket twice, newest received first.</summary>
    private async Task<bool?> CheckPagingAsync(List<string> notes, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? previous = null;
        string? cursor = null;
        var pages = 0;
        var ordered = true;
        var repeats = 0;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Duration + Grace);
        do
        {
            var response = await api.GetAsync("check", "/api/tickets?limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"),
                fixture.AdminToken, limit.Token);
            if (!response.IsSuccess)
            {
                notes.Add($"paging check: FAIL page {pages + 1}: {response.Describe()}");
                return false;
            }

            pages++;
            var json = response.Json();
            foreach (var item in json.GetProperty("items").EnumerateArray())
            {
                if (!seen.Add(item.GetProperty("number").GetString()!))
                {
                    repeats++;
                }

                var receivedAt = item.GetProperty("receivedAt").GetDateTimeOffset();
                ordered &= previous is null || receivedAt <= previous;
                previous = receivedAt;
            }

            cursor = json.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages < 5000);

        var ok = repeats == 0 && ordered && cursor is null;
        notes.Add($"paging check: {seen.Count} tickets in {pages} pages of 200, {repeats} repeats, "
            + $"{(ordered ? "newest first" : "OUT OF ORDER")}{(cursor is null ? "" : ", stopped at 5000 pages")}: {(ok ? "OK" : "FAIL")}");
        return ok;
    }

    private static async Task<ApiResponse> Ok(Task<ApiResponse> call, string what)
    {
        var response = await call;
        return response.IsSuccess ? response : throw new SetupException($"{what} failed with {response.Describe()}");
    }

    private object NewTicket(int i)
    {
        var problem = Problems[i % Problems.Length];
        return new
        {
            title = $"{problem} (load {fixture.Suffix} #{i})",
            description = $"{problem}. Reported by the load generator, run {fixture.Suffix}, ticket {i}. Refreshing does not help.",
            occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5 - (i % 50)).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture),
            module = fixture.Module,
            impact = i % 3 == 0 ? "Whole team blocked" : "One person affected",
            priority = Priorities[i % Priorities.Length],
            channel = Channels[i % Channels.Length],
        };
    }
}
