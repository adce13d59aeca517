using SupportFlow.Sla;

namespace SupportFlow.Archive;

/// <summary>A column of the tracking record: its JSON key and its bilingual header.</summary>
public sealed record TrackingColumn(string Key, string Header);

/// <summary>
/// The columns of the seed's tracking-record template (工单编号, 报修时间, 报修人(部门), 问题所属模块,
/// 问题描述, 影响范围, 紧急程度, 处理负责人, ...), in the template's order, with what SupportFlow adds
/// (each SLA target's due time, when it was met, whether it was breached). Headers are bilingual,
/// Chinese first (<c>工单编号 Number</c>): the template is Chinese, and English readers and scripts
/// still find their column. Values are in <see cref="TrackingRecord"/>, in the same order.
/// </summary>
public static class TrackingColumns
{
    private static readonly (string Key, string Chinese, string English)[] Targets =
    [
        (SlaTargets.FirstResponse, "首次响应", "First response"),
        (SlaTargets.Assignment, "分派", "Assignment"),
        (SlaTargets.Update, "进度更新", "Update"),
        (SlaTargets.Resolution, "解决", "Resolution"),
    ];

    public static IReadOnlyList<TrackingColumn> All { get; } = Build();

    public static IEnumerable<string> Headers => All.Select(c => c.Header);

    private static TrackingColumn[] Build()
    {
        var columns = new List<TrackingColumn>
        {
            new("number", "工单编号 Number"),
            new("receivedAt", "报修时间 Received"),
            new("occurredAt", "问题发生时间 Occurred"),
            new("reporter", "报修人 Reporter"),
            new("department", "部门 Department"),
            new("contact", "联系方式 Contact"),
            new("channel", "渠道 Channel"),
            new("title", "标题 Title"),
            new("module", "问题所属模块 Module"),
            new("description", "问题描述 Description"),
            new("impact", "影响范围 Impact"),
            new("priority", "紧急程度 Priority"),
            new("owner", "处理负责人 Owner"),
            new("team", "处理团队 Team"),
            new("status", "状态 Status"),
        };
        foreach (var (key, chinese, english) in Targets)
        {
            columns.Add(new($"{key}Due", $"{chinese}时限 {english} due"));
            columns.Add(new($"{key}Met", $"{chinese}达成 {english} met"));
            columns.Add(new($"{key}Breached", $"{chinese}超时 {english} breached"));
        }

        columns.AddRange(
        [
            new("cause", "原因 Cause"),
            new("workaround", "临时措施 Workaround"),
            new("solution", "解决方案 Solution"),
            new("confirmation", "处理结果确认 Confirmation"),
            new("confirmedAt", "确认时间 Confirmed"),
            new("rating", "满意度 Rating"),
            new("reopenCount", "重开次数 Reopens"),
            new("closedAt", "关闭时间 Closed"),
            new("closedWithoutConfirmation", "未经确认关闭 Closed without confirmation"),
            new("cancelReason", "取消原因 Cancel reason"),
        ]);
        return [.. columns];
    }
}
