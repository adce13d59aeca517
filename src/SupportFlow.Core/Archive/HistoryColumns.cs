using SupportFlow.Common;
using SupportFlow.Tickets;

namespace SupportFlow.Archive;

/// <summary>The History sheet: one row per history line, with the ticket's number first.</summary>
public static class HistoryColumns
{
    public static IReadOnlyList<TrackingColumn> All { get; } =
    [
        new("number", "工单编号 Number"),
        new("at", "时间 Time"),
        new("actorLogin", "账号 Login"),
        new("actorName", "操作人 Actor"),
        new("action", "操作 Action"),
        new("field", "字段 Field"),
        new("oldValue", "原值 Old value"),
        new("newValue", "新值 New value"),
        new("note", "说明 Note"),
        new("method", "方式 Method"),
        new("isPublic", "公开 Public"),
        new("onBehalfOfReporter", "代报修人 On behalf of reporter"),
    ];

    public static string?[] Values(string number, TicketHistoryEntry line, OrganizationTime org) =>
    [
        number,
        TrackingRecord.Time(line.At, org),
        line.ActorLogin,
        line.ActorName,
        line.Action,
        line.Field,
        line.OldValue,
        line.NewValue,
        line.Note,
        line.Method is { } method ? WireNames.Of(method) : null,
        line.IsPublic ? "true" : "false",
        line.OnBehalfOfReporter ? "true" : "false",
    ];
}
