using System.Globalization;

namespace SupportFlow.DataGen;

/// <summary>
/// Mixed Chinese and English ticket texts, as a desk in China writes them: a device or system,
/// a symptom, a place, error codes and numbers that make most tickets distinct. Word pools of
/// different sizes give search terms of every selectivity (a symptom is in ~1/40 of tickets,
/// an error code in a handful).
/// </summary>
public static class TicketTexts
{
    public static readonly string[] Systems =
    [
        "打印机", "HP LaserJet 1020", "销售模块 V3.2", "财务系统", "OA 系统", "ERP", "Outlook", "VPN 客户端", "会议室投影仪",
        "考勤机", "无线网络", "CRM", "SAP", "企业微信", "钉钉", "文件服务器", "报表平台", "Windows 11 笔记本", "门禁系统", "扫码枪",
    ];

    public static readonly string[] Symptoms =
    [
        "卡纸", "无法登录", "提示验证码错误", "显示纸张卡住", "连接超时", "同步失败", "打不开", "运行很慢", "蓝屏重启", "无法打印",
        "密码过期", "权限不足", "数据丢失", "报错 500", "页面空白", "导出超时", "频繁掉线", "无法连接", "声音异常", "屏幕闪烁",
        "cannot log in", "keeps crashing", "is very slow", "shows a blank page", "times out", "rejects my password",
        "paper jam", "does not sync", "lost my files", "prints blank pages", "drops the connection", "asks for a captcha",
        "license expired", "disk is full", "certificate error", "update failed", "no sound", "screen flickers",
        "账号被锁定", "附件上传失败",
    ];

    public static readonly string[] Places =
    [
        "三楼", "会议室 A", "仓库", "北京办公室", "上海分公司", "前台", "财务部", "销售部", "2 号楼", "研发中心",
        "meeting room B", "the warehouse", "home office", "the front desk", "floor 5",
    ];

    private static readonly string[] Openings =
    [
        "今天早上开始", "从昨天下午起", "重启以后仍然", "更新系统后", "Since this morning", "After the update",
        "Every time I try,", "从上周开始偶尔", "刚才突然", "换了新电脑以后",
    ];

    private static readonly string[] Details =
    [
        "错误代码 {code}", "error code {code}", "订单号 {order} 无法保存", "影响整个部门", "only my account is affected",
        "同事的电脑正常", "清除缓存也没用", "refreshing does not help", "截图已附上", "客户在等待", "IP 地址 10.{a}.{b}.{c}",
        "主机名 PC-{host}", "已经试过重新安装", "tried another browser", "急！下午要开会",
    ];

    private static readonly string[] WorkNotes =
    [
        "检查日志发现数据库连接超时", "远程协助，重装驱动", "Checked the event log: {code}", "清理了打印队列并重启后台服务",
        "重置了用户密码并解锁账号", "更换了硒鼓，测试打印正常", "确认是网络交换机端口故障，已更换端口", "Rolled back the update on PC-{host}",
        "联系厂商技术支持，工单号 V{order}", "扩容磁盘 50GB", "证书已续期", "Cleared the browser cache and cookies",
        "重新配置 VPN 证书", "同步了时间服务器", "现场检查，线缆松动",
    ];

    private static readonly string[] Updates =
    [
        "已收到，正在处理", "Working on it, expect an answer within an hour.", "已定位原因，正在修复", "需要您重启电脑后再试",
        "厂商已确认问题，等待补丁", "Fixed on our side, please try again.", "预计今天下班前解决",
    ];

    public static (string Title, string Description) Ticket(Random random)
    {
        var system = Pick(random, Systems);
        var symptom = Pick(random, Symptoms);
        var title = random.Next(3) == 0 ? $"{Pick(random, Places)}{system}{symptom}" : $"{system} {symptom}";
        var description = $"{Pick(random, Openings)}{system}{symptom}，{Fill(random, Pick(random, Details))}。"
            + $"{Fill(random, Pick(random, Details))}; {Pick(random, Places)}.";
        return (title, description);
    }

    public static string WorkNote(Random random) => Fill(random, Pick(random, WorkNotes));

    public static string Update(Random random) => Pick(random, Updates);

    /// <summary>An error code as the generator writes them: E1000..E9999, so one code is in ~1 of 9,000 texts.</summary>
    public static string Code(Random random) => "E" + random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture);

    private static string Fill(Random random, string template) => template
        .Replace("{code}", Code(random), StringComparison.Ordinal)
        .Replace("{order}", random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{host}", random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{a}", random.Next(256).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{b}", random.Next(256).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{c}", random.Next(256).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];
}
