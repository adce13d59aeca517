using System.Text.RegularExpressions;

namespace SupportFlow.Server.Web;

/// <summary>The Chinese (zh-CN) words of the pages, keyed by their English text.</summary>
public static partial class ChineseText
{
    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Reviews, recurring problems and the FAQ handbook.
        ["A review's root cause is filed under one of these. A retired category stays on the reviews that used it and is no longer offered."] = "复盘的根本原因归入以下某个分类。停用的分类仍保留在已使用它的复盘上,但不再提供选择。",
        ["Add a cause category"] = "添加原因分类",
        ["Cause categories"] = "原因分类",
        ["Cause category {0} added."] = "已添加原因分类 {0}。",
        ["Cause category {0} changed."] = "已修改原因分类 {0}。",
        ["Chinese name"] = "中文名称",
        ["E.g. “the third time this month”."] = "例如“本月第三次出现”。",
        ["English name"] = "英文名称",
        ["In use"] = "使用中",
        ["Key"] = "标识",
        ["Left empty, the ticket's number and title."] = "留空则使用工单编号和标题。",
        ["Letters and digits, starting with a lower-case letter, e.g. powerSupply. It cannot change later."] = "字母和数字,以小写字母开头,例如 powerSupply。创建后不能修改。",
        ["No review covers this ticket."] = "此工单尚无复盘。",
        ["Request a review"] = "发起复盘",
        ["Retired"] = "已停用",
        ["Review requested."] = "已发起复盘。",
        ["This ticket is cancelled as a duplicate, pointing to the other; its history and reporter are carried over as internal lines."] = "本工单将作为重复工单取消并指向目标工单;其处理记录和报修人会作为内部记录并入目标工单。",
        ["Title (optional)"] = "标题(可选)",
        ["Why review it"] = "复盘原因",
        ["a root cause"] = "根本原因",
        ["action “{0}” done or accepted"] = "措施“{0}”完成或被接受",
        ["at least one preventive action"] = "至少一项预防措施",
        ["# headings, - lists, **bold**, `code`, [links](https://…). Scripts and raw HTML are removed."] = "# 标题、- 列表、**粗体**、`代码`、[链接](https://…)。脚本和 HTML 会被去除。",
        ["About this article"] = "关于本文",
        ["Accept as it stands"] = "按现状接受",
        ["Accepted"] = "已接受",
        ["Action"] = "措施",
        ["Action accepted as it stands."] = "已按现状接受该措施。",
        ["Action marked done."] = "措施已标记完成。",
        ["Add a preventive action"] = "添加预防措施",
        ["Articles are written from closed tickets and reviews."] = "文章由已关闭的工单和复盘整理而来。",
        ["Cause category"] = "原因分类",
        ["Caused by"] = "起因于",
        ["Causes"] = "导致",
        ["Choose…"] = "请选择…",
        ["Closing a P1 or P2 ticket opens a review, and so do recurring problems."] = "关闭 P1 或 P2 工单会自动发起复盘,重复出现的问题也会。",
        ["Create FAQ article from this review"] = "根据本次复盘编写手册文章",
        ["Current version"] = "当前版本",
        ["Done"] = "已完成",
        ["Due"] = "截止",
        ["Due date"] = "截止日期",
        ["Duplicate of"] = "重复于",
        ["Edit"] = "编辑",
        ["Edit the article"] = "编辑文章",
        ["Engineers only"] = "仅工程师可见",
        ["Everyone, reporters too"] = "所有人(含报修人)",
        ["FAQ handbook"] = "常见问题处理手册",
        ["From review"] = "来自复盘",
        ["From tickets"] = "来自工单",
        ["Glad it is solved. No ticket was needed; you can still report a problem at any time."] = "很高兴问题已解决,无需提交工单;如有需要仍可随时报告问题。",
        ["Handbook articles"] = "手册文章",
        ["Has duplicate"] = "有重复工单",
        ["Internal notes, never shown to reporters."] = "内部资料,不向报修人显示。",
        ["Into ticket"] = "合并到工单",
        ["Link"] = "关联",
        ["Link a ticket"] = "关联工单",
        ["Link to another ticket"] = "关联其他工单",
        ["Linked tickets"] = "关联的工单",
        ["Mark done"] = "标记完成",
        ["Maybe the handbook already has the answer"] = "手册里可能已有答案",
        ["Meeting"] = "复盘会议",
        ["Meeting recorded."] = "会议已记录。",
        ["Merge"] = "合并",
        ["Merge as a duplicate"] = "作为重复工单合并",
        ["Merged"] = "已合并",
        ["Merged from"] = "合并自",
        ["Merged into {0}."] = "已合并到 {0}。",
        ["My open actions"] = "我的待办措施",
        ["Names, separated by commas."] = "姓名,用逗号分隔。",
        ["No article matches this ticket yet."] = "暂无与本工单匹配的文章。",
        ["No preventive actions yet."] = "尚无预防措施。",
        ["No reviews here"] = "这里没有复盘",
        ["No similar tickets on this module."] = "该模块没有相似工单。",
        ["None."] = "无。",
        ["Nothing found"] = "没有找到",
        ["Open reviews"] = "未完成的复盘",
        ["Opened"] = "发起时间",
        ["Overdue"] = "已逾期",
        ["Overdue actions"] = "逾期措施",
        ["Participants"] = "参会人",
        ["Possible duplicates"] = "可能重复的工单",
        ["Pre-filled from review #{0}: check and complete it."] = "已根据复盘 #{0} 预填,请检查并补充。",
        ["Pre-filled from ticket {0}: check and complete it."] = "已根据工单 {0} 预填,请检查并补充。",
        ["Preventive action added; its owner is reminded by e-mail."] = "已添加预防措施,将通过邮件提醒负责人。",
        ["Preventive actions"] = "预防措施",
        ["Record the meeting"] = "记录复盘会议",
        ["Record the root cause"] = "记录根本原因",
        ["Recurring problem"] = "重复出现的问题",
        ["Recurring problem: similar tickets on this module within the window."] = "重复问题:该模块近期有多张相似工单。",
        ["Related to"] = "相关于",
        ["Requested by a supervisor"] = "主管发起",
        ["Review"] = "复盘",
        ["Review #{0}"] = "复盘 #{0}",
        ["Reviews"] = "复盘",
        ["Root cause"] = "根本原因",
        ["Root cause recorded."] = "根本原因已记录。",
        ["Saved as version {0}."] = "已保存为第 {0} 版。",
        ["Search the handbook"] = "搜索手册",
        ["Search the handbook, e.g. 打印机卡纸"] = "搜索手册,例如:打印机卡纸",
        ["Separated by commas."] = "用逗号分隔。",
        ["Serious incident (P1/P2)"] = "重大故障(P1/P2)",
        ["Still needed before the review is done:"] = "复盘完成前还需要:",
        ["Suggested on the report form."] = "会在报告问题时推荐给报修人。",
        ["Tags"] = "标签",
        ["Text (Markdown)"] = "正文(Markdown)",
        ["The handbook is empty"] = "手册还是空的",
        ["This solved my problem"] = "这解决了我的问题",
        ["This ticket is"] = "本工单",
        ["Ticket linked."] = "工单已关联。",
        ["Ticket number"] = "工单号",
        ["Tickets"] = "工单",
        ["Tickets linked."] = "工单已关联。",
        ["Versions"] = "版本",
        ["What changed (optional)"] = "修改说明(可选)",
        ["What will be changed"] = "要改进的内容",
        ["When"] = "时间",
        ["Which reviews"] = "哪些复盘",
        ["Who may read it"] = "谁可以阅读",
        ["Why"] = "原因",
        ["Why it is accepted"] = "接受理由",
        ["Write an article"] = "编写文章",
        ["Write an article from this ticket"] = "根据本工单编写文章",
        ["You are reading version {0}, not the current one."] = "您正在阅读第 {0} 版,不是当前版本。",
        ["due {0}"] = "{0} 到期",
        ["version {0}"] = "第 {0} 版",
        ["{0} open"] = "{0} 项未完成",
        ["{0}% alike"] = "相似度 {0}%",
        ["Handbook"] = "手册",
        ["Reviews open"] = "未完成复盘",
        ["Top recurring modules"] = "重复问题最多的模块",
        ["Articles that deflected a report"] = "免于报修的文章",
        ["No recurring problems in the last 90 days."] = "近 90 天没有重复问题。",
        ["No report was avoided in the last 30 days yet."] = "近 30 天尚无因手册而免于报修的情况。",
        ["{0} reviews, {1} tickets"] = "{0} 次复盘,{1} 张工单",
        ["{0} times"] = "{0} 次",
        ["Reviews and handbook"] = "复盘与手册",
        ["A slight impact: there is a way around it for now."] = "轻微影响:目前有办法绕过。",
        ["API"] = "API",
        ["Actions"] = "操作",
        ["Add"] = "添加",
        ["Add a department"] = "添加部门",
        ["Add a file"] = "添加文件",
        ["Add information"] = "补充信息",
        ["Administration"] = "系统管理",
        ["Administrator"] = "管理员",
        ["All"] = "全部",
        ["All open"] = "全部未结",
        ["Any"] = "不限",
        ["Assign"] = "分派",
        ["Assigned"] = "已分派",
        ["Assigned."] = "已分派。",
        ["Assignment"] = "分派",
        ["At risk"] = "即将超时",
        ["Attachment"] = "附件",
        ["Attachments"] = "附件",
        ["Attachments (optional)"] = "附件(可选)",
        ["Awaiting triage"] = "待分级",
        ["Back to the list"] = "返回列表",
        ["Back to the start page"] = "返回首页",
        ["Backup"] = "备份",
        ["Backup taken (internal)"] = "已做备份(内部)",
        ["Breached"] = "已超时",
        ["Business is stopped: nobody can work, e.g. orders cannot be taken."] = "业务中断:无法工作,例如无法下单。",
        ["By {0}"] = "预计 {0} 前",
        ["Cancel"] = "取消",
        ["Cancel the ticket"] = "取消工单",
        ["Cancelled"] = "已取消",
        ["Cause"] = "原因",
        ["Channel"] = "渠道",
        ["Chat"] = "聊天群",
        ["Choose a department…"] = "选择部门…",
        ["Choose an engineer…"] = "选择工程师…",
        ["Choose the system or device…"] = "选择系统或设备…",
        ["Close"] = "关闭",
        ["Close the ticket"] = "关闭工单",
        ["Closed"] = "已关闭",
        ["Closed automatically"] = "自动关闭",
        ["Closed without confirmation"] = "未经确认关闭",
        ["Closed {0}"] = "{0} 已关闭",
        ["Collaborating department"] = "协作部门",
        ["Collaborating departments"] = "协作部门",
        ["Collaborating: its engineers log work"] = "协作:其工程师可记录处理过程",
        ["Comment"] = "留言",
        ["Comment (optional)"] = "评价(可选)",
        ["Company"] = "公司",
        ["Confirm for the reporter"] = "代报修人确认",
        ["Confirm priority"] = "确认优先级",
        ["Confirmation"] = "确认",
        ["Dashboard"] = "主管看板",
        ["Department"] = "部门",
        ["Department added."] = "已添加部门。",
        ["Departments and vendors"] = "协作部门与供应商",
        ["Due {0}"] = "截止 {0}",
        ["E-mail"] = "邮件",
        ["Engineer"] = "工程师",
        ["File attached."] = "文件已上传。",
        ["Filter"] = "筛选",
        ["First response"] = "首次响应",
        ["How"] = "方式",
        ["How satisfied are you? (1-5 stars)"] = "您的满意度(1-5 星)",
        ["How urgent is it?"] = "紧急程度",
        ["Impact"] = "影响范围",
        ["In progress"] = "处理中",
        ["Information added."] = "信息已补充。",
        ["Internal"] = "内部",
        ["Involve a vendor"] = "联系供应商",
        ["Involve and notify"] = "添加并通知",
        ["Involve {0}"] = "联系 {0}",
        ["Is the problem solved?"] = "问题解决了吗?",
        ["It can wait: a question, a wish, a small annoyance."] = "可暂缓:咨询、需求或小问题。",
        ["Keep the responsible team"] = "保持负责团队",
        ["Language"] = "语言",
        ["Leave these empty to report a problem of your own. A login or a known e-mail links the ticket to the person's account, so they can follow it."] = "报告自己的问题时留空。填写账号或已登记的邮箱,工单会关联到对方账号,方便其跟进。",
        ["Log work"] = "记录处理",
        ["Login"] = "账号",
        ["Login (if they have one)"] = "账号(如有)",
        ["Main"] = "主导航",
        ["Message to the reporter"] = "给报修人的消息",
        ["Message to the vendor (optional)"] = "给供应商的说明(可选)",
        ["Met {0}"] = "{0} 已达成",
        ["Mine"] = "我的",
        ["Module"] = "模块",
        ["More"] = "更多",
        ["Export"] = "导出",
        ["My team's"] = "本团队",
        ["My tickets"] = "我的工单",
        ["Name"] = "姓名",
        ["New"] = "新建",
        ["Next feedback"] = "下次反馈",
        ["Next update"] = "下次进展",
        ["No files yet."] = "暂无文件。",
        ["No rating"] = "不评分",
        ["No tickets here"] = "这里没有工单",
        ["No, it still fails"] = "没有,问题仍在",
        ["Not allowed"] = "无权访问",
        ["Not assigned yet"] = "尚未分派",
        ["Not found"] = "未找到",
        ["Not solved"] = "未解决",
        ["Not verified yet"] = "尚未验证",
        ["Note (optional)"] = "备注(可选)",
        ["Nothing in this queue"] = "该队列暂无工单",
        ["You are in no team, so no team's tickets are yours to see here. An administrator adds people to teams."] = "您不属于任何团队,因此这里没有团队工单。请联系管理员将您加入团队。",
        ["Number, words of the title or description"] = "工单号、标题或描述中的文字",
        ["Occurred"] = "发生时间",
        ["On site"] = "现场",
        ["One line, e.g. “Captcha error when signing in to the sales system”."] = "一句话概括,例如“登录销售系统时提示验证码错误”。",
        ["Only a wait on the reporter pauses the SLA clocks."] = "只有等待报修人时才暂停 SLA 计时。",
        ["Open"] = "未结",
        ["Owner"] = "处理人",
        ["P1 urgent"] = "P1 紧急",
        ["P2 high"] = "P2 高",
        ["P3 medium"] = "P3 中",
        ["P4 low"] = "P4 低",
        ["Password"] = "密码",
        ["Paused"] = "已暂停",
        ["Pending"] = "挂起",
        ["Phone"] = "电话",
        ["Please try again in a moment."] = "请稍后再试。",
        ["Portal"] = "门户",
        ["Primary responsible"] = "主责",
        ["Priority"] = "优先级",
        ["Priority confirmed."] = "优先级已确认。",
        ["Progress update"] = "进展通知",
        ["Queues"] = "工作队列",
        ["Rating"] = "评分",
        ["Reason"] = "原因",
        ["Received"] = "接收时间",
        ["Received at"] = "接收时间",
        ["Record a report"] = "登记报修",
        ["Record confirmation"] = "记录确认",
        ["Record the report"] = "登记",
        ["Remote"] = "远程",
        ["Reopen"] = "重新打开",
        ["Reopened"] = "已重新打开",
        ["Reopened: the engineer will look again."] = "已重新打开:工程师会继续处理。",
        ["Report a problem"] = "报告问题",
        ["Report problems, follow your tickets and work the queues."] = "报告问题、跟进工单、处理队列。",
        ["Reported"] = "报修",
        ["Reporter"] = "报修人",
        ["Reporter's comment"] = "报修人评价",
        ["Resolution"] = "解决",
        ["Resolve"] = "解决",
        ["Resolved"] = "已解决",
        ["Resolved: the reporter is asked to confirm."] = "已解决:等待报修人确认。",
        ["Responsible department"] = "主责部门",
        ["Resume work"] = "恢复处理",
        ["Resumed"] = "已恢复",
        ["Role on the ticket"] = "职责",
        ["SLA"] = "SLA",
        ["SLA at risk"] = "SLA 即将超时",
        ["SLA breached"] = "SLA 已超时",
        ["SLA clocks"] = "SLA 计时",
        ["Screenshots, logs or documents, up to {0} MB each."] = "截图、日志或文档,每个不超过 {0} MB。",
        ["Search"] = "搜索",
        ["Send"] = "提交",
        ["Send the report"] = "提交报告",
        ["Send update"] = "发送进展",
        ["Set pending"] = "挂起",
        ["Sign in"] = "登录",
        ["Sign in to SupportFlow"] = "登录 SupportFlow",
        ["Sign out"] = "退出",
        ["Skip to content"] = "跳到正文",
        ["Solution"] = "解决方案",
        ["Solved"] = "已解决",
        ["Something went wrong"] = "出错了",
        ["Soon"] = "尽快",
        ["Start work"] = "开始处理",
        ["Status"] = "状态",
        ["Supervisor"] = "主管",
        ["Switch"] = "切换",
        ["Team"] = "团队",
        ["Thank you for your feedback."] = "感谢您的反馈。",
        ["The problem"] = "问题",
        ["The reporter says"] = "报修人反馈",
        ["The summary that stays with the ticket for the knowledge base."] = "随工单保存、供知识库使用的总结。",
        ["The system, version or device the problem is about."] = "问题涉及的系统、版本或设备。",
        ["The ticket goes back to the engineer."] = "工单将退回工程师。",
        ["The ticket will be closed."] = "工单将被关闭。",
        ["The vendor is e-mailed at once."] = "将立即发邮件通知供应商。",
        ["There is nothing here, or it is not yours to see."] = "这里没有内容,或者您无权查看。",
        ["This is your suggestion: the support desk confirms the priority when it takes the ticket."] = "这是您的建议:技术支持受理时会确认优先级。",
        ["Ticket"] = "工单",
        ["Ticket cancelled."] = "工单已取消。",
        ["Ticket closed."] = "工单已关闭。",
        ["Ticket reopened."] = "工单已重新打开。",
        ["Ticket set to pending."] = "工单已挂起。",
        ["Ticket {0} received. We will keep you posted here."] = "工单 {0} 已受理。处理进展会在这里通知您。",
        ["Ticket {0} received, but these files could not be kept: {1}. Please add them again below."] = "工单 {0} 已受理,但以下文件未能保存:{1}。请在下方重新添加。",
        ["Timeline"] = "处理记录",
        ["Times are shown in"] = "时间显示时区",
        ["Times reopened"] = "重开次数",
        ["Title"] = "标题",
        ["Too many wrong passwords: sign-in is locked until {0}."] = "密码错误次数过多:登录已锁定至 {0}。",
        ["Triage"] = "分级",
        ["Triaged"] = "已分级",
        ["Try another queue or fewer filters."] = "试试其他队列或减少筛选条件。",
        ["Unassigned"] = "未分派",
        ["Update sent to the reporter."] = "进展已通知报修人。",
        ["Update the reporter"] = "通知进展",
        ["Upload"] = "上传",
        ["Vendor"] = "供应商",
        ["Vendor contact"] = "供应商接口人",
        ["Vendor contact notified."] = "已通知供应商接口人。",
        ["Vendor contacts"] = "供应商接口人",
        ["Verified"] = "验证方式",
        ["Waiting for"] = "等待",
        ["Waiting for a vendor"] = "等待供应商",
        ["Waiting for the reporter"] = "等待报修人",
        ["Waiting for your answer"] = "等待您的回复",
        ["Waiting for your confirmation"] = "等待您确认",
        ["What did you do?"] = "做了什么?",
        ["What happened?"] = "发生了什么?",
        ["What you can do"] = "您可以",
        ["What you did, what you expected and what you saw; the exact error message helps."] = "您做了什么、期望什么、看到了什么;准确的错误信息很有帮助。",
        ["What you found and when you expect to finish."] = "发现了什么,预计何时完成。",
        ["When did it happen?"] = "何时发生?",
        ["When something does not work, report it: the support desk answers here."] = "遇到问题请报告:技术支持会在这里回复。",
        ["When the call came in; empty means now."] = "来电时间;留空表示现在。",
        ["Which tickets"] = "工单范围",
        ["Who called"] = "报修人信息",
        ["Who or what is affected, e.g. “the whole sales team cannot take orders”."] = "影响了谁或什么,例如“整个销售团队无法下单”。",
        ["Why this priority, e.g. “the whole sales team is blocked”."] = "定级理由,例如“整个销售团队受阻”。",
        ["Withdraw the report"] = "撤回报修",
        ["Work is seriously slowed down, e.g. a key function fails for a team."] = "严重影响效率,例如某团队的关键功能失效。",
        ["Work log"] = "处理记录",
        ["Work logged (internal)."] = "处理已记录(内部)。",
        ["Work resumed."] = "已恢复处理。",
        ["Work started"] = "开始处理",
        ["Work started."] = "已开始处理。",
        ["Workaround"] = "临时措施",
        ["Wrong login or password."] = "账号或密码错误。",
        ["Yes, it works now"] = "是的,已恢复正常",
        ["Your answer"] = "您的答复",
        ["Your message"] = "您的消息",
        ["Your role may not open this page."] = "您的角色无权打开此页面。",
        ["late"] = "超时",
        ["lines are work notes the reporter never sees."] = "标记的记录是内部处理记录,报修人看不到。",
        ["no"] = "否",
        ["yes"] = "是",
        ["{0} d {1} h"] = "{0} 天 {1} 小时",
        ["{0} h {1} min"] = "{0} 小时 {1} 分",
        ["{0} left"] = "剩余 {0}",
        ["{0} min"] = "{0} 分钟",
        ["{0} of 5 stars"] = "{0} 星(满分 5 星)",
        ["{0} overdue"] = "已超时 {0}",
        ["A change applies to tickets received from now on; business time counts on the calendar below."] = "修改对此后接收的工单生效;工作时间按下方日历计算。",
        ["A system and version, or a device: “Sales module V3.2”."] = "系统及版本,或设备:“销售模块 V3.2”。",
        ["Add a module"] = "添加模块",
        ["Add a team"] = "添加团队",
        ["Add a user"] = "添加用户",
        ["Amount"] = "数量",
        ["At least 8 characters; without one the person cannot sign in to the pages."] = "至少 8 个字符;不设置则无法登录网页。",
        ["Average rating"] = "平均评分",
        ["Backlog age"] = "积压时长",
        ["Business calendar"] = "工作日历",
        ["Business calendar saved."] = "工作日历已保存。",
        ["Category"] = "类别",
        ["Change"] = "修改",
        ["Comma-separated, for engineers and supervisors."] = "多个用逗号分隔,仅限工程师和主管。",
        ["Deactivate"] = "停用",
        ["Department {0} added."] = "部门 {0} 已添加。",
        ["Departments"] = "部门",
        ["Friday"] = "星期五",
        ["Holidays"] = "节假日",
        ["Least loaded"] = "负载最少",
        ["Logins of engineers and supervisors, comma-separated."] = "工程师和主管的账号,用逗号分隔。",
        ["Make-up working days (调休)"] = "调休上班日",
        ["Manual"] = "手动",
        ["Mean time to respond {0} min, to assign {1} min, to resolve {2} min."] = "平均响应 {0} 分钟,分派 {1} 分钟,解决 {2} 分钟。",
        ["Members"] = "成员",
        ["Module {0} added."] = "模块 {0} 已添加。",
        ["Modules"] = "模块",
        ["Monday"] = "星期一",
        ["New password (optional)"] = "新密码(可选)",
        ["Nobody has open tickets."] = "没有人有未结工单。",
        ["One a line: 2026-09-27 国庆调休"] = "每行一天:2026-09-27 国庆调休",
        ["One a line: 2026-10-01 国庆节"] = "每行一天:2026-10-01 国庆节",
        ["Open by priority"] = "未结工单(按优先级)",
        ["Open by status"] = "未结工单(按状态)",
        ["Open tickets"] = "未结工单",
        ["Role"] = "角色",
        ["Round robin"] = "轮流分派",
        ["SLA and satisfaction: tickets received in the last 30 days"] = "SLA 与满意度:近 30 天接收的工单",
        ["SLA attainment"] = "SLA 达成率",
        ["SLA attainment by priority"] = "各优先级 SLA 达成率",
        ["SLA breaches today"] = "今日 SLA 超时",
        ["SLA policies and calendar"] = "SLA 策略与工作日历",
        ["SLA targets"] = "SLA 目标",
        ["SLA targets of {0} saved; they apply to new tickets."] = "{0} 的 SLA 目标已保存,对新工单生效。",
        ["Satisfaction"] = "满意度",
        ["Saturday"] = "星期六",
        ["Save"] = "保存",
        ["Save the calendar"] = "保存日历",
        ["Sunday"] = "星期日",
        ["Team {0} added."] = "团队 {0} 已添加。",
        ["Team {0} changed."] = "团队 {0} 已修改。",
        ["Module {0} changed."] = "模块 {0} 已修改。",
        ["Chat group"] = "群聊机器人",
        ["None"] = "无",
        ["Webhook address"] = "Webhook 地址",
        ["Signing secret"] = "签名密钥",
        ["Left empty, the current secret stays."] = "留空则保留当前密钥。",
        ["The group robot's incoming webhook: new tickets, P1s and breaches are posted there."] = "群机器人的 Webhook:新工单、P1 工单和超时会推送到群里。",
        ["DingTalk and Feishu sign with it; the generic webhook signs with HMAC-SHA256."] = "钉钉和飞书用它签名;通用 Webhook 用 HMAC-SHA256 签名。",
        ["Category's default team"] = "类别的默认团队",
        ["Takes new tickets"] = "接收新工单",
        ["Yes"] = "是",
        ["No (away)"] = "否(不在岗)",
        ["Round-robin and least-loaded teams skip people who are away."] = "轮流分派和按负载分派会跳过不在岗的人。",
        ["Notify by"] = "通知方式",
        ["Team chat"] = "团队群聊",
        ["E-mail and team chat"] = "邮件和团队群聊",
        ["Language of messages"] = "通知语言",
        ["The desk's default"] = "系统默认",
        ["Teams"] = "团队",
        ["Teams, modules and departments"] = "团队、模块与部门",
        ["Thursday"] = "星期四",
        ["Time zone {0}. Working hours as ranges, e.g. 09:00-12:00, 13:30-18:00; empty for a day off."] = "时区 {0}。工作时间按时段填写,例如 09:00-12:00, 13:30-18:00;休息日留空。",
        ["Tuesday"] = "星期二",
        ["Unit"] = "单位",
        ["User {0} added."] = "用户 {0} 已添加。",
        ["User {0} changed."] = "用户 {0} 已修改。",
        ["User {0} deactivated."] = "用户 {0} 已停用。",
        ["Users"] = "用户",
        ["Wednesday"] = "星期三",
        ["Workload per engineer"] = "工程师工作量",
        ["(none)"] = "(未填写)",
        ["By category"] = "按类别",
        ["By channel"] = "按渠道",
        ["By department"] = "按部门",
        ["By module"] = "按模块",
        ["By priority"] = "按优先级",
        ["Day"] = "日",
        ["From"] = "从",
        ["Mean time to resolve"] = "平均解决时长",
        ["Month"] = "月",
        ["Nobody has open or resolved tickets."] = "没有人有未结或已解决的工单。",
        ["Open now"] = "当前未结",
        ["Open now, by time since receipt."] = "当前未结工单,按接收至今的时长。",
        ["Per"] = "统计粒度",
        ["Reopen rate"] = "重开率",
        ["Reopens and simple tickets"] = "重开与简单问题",
        ["Reports"] = "统计报表",
        ["Resolved in the period"] = "期间内解决",
        ["Show"] = "查看",
        ["Simple tickets solved within 30 min"] = "简单问题 30 分钟内解决",
        ["Simple: P3 or P4, resolved without a temporary workaround."] = "简单问题:P3 或 P4,且未采用临时措施即已解决。",
        ["Step"] = "环节",
        ["Tickets received"] = "接收工单",
        ["Tickets received from {0} to {1}"] = "{0} 至 {1} 接收的工单",
        ["Time to respond, assign, resolve"] = "响应、分派、解决时长",
        ["To"] = "至",
        ["Unassigned open tickets: {0}"] = "未分派的未结工单:{0}",
        ["Mean, and 90th percentile (p90), of the wall-clock minutes from receipt, over the period's tickets that reached the step."] = "自接收起的自然时间(分钟)的平均值与第 90 百分位(p90),统计期间内已到达该环节的工单。",
        ["Export the reopen rate"] = "导出重开率",
        ["Export the simple tickets"] = "导出简单问题",
        ["{0} tickets"] = "{0} 个工单",
        ["Week"] = "周",
        ["Workload and throughput"] = "工作量与产出",
        ["{0} of {1} resolved tickets reopened"] = "{1} 个已解决工单中 {0} 个被重开",
        ["{0} of {1} simple tickets within 30 min of assignment"] = "{1} 个简单问题中 {0} 个在分派后 30 分钟内解决",
        ["business days"] = "工作日",
        ["business hours"] = "工作小时",
        ["business minutes"] = "工作分钟",
        ["deactivated"] = "已停用",
        ["hours"] = "小时",
        ["minutes"] = "分钟",
        ["no target"] = "无目标",
        ["system, hardware, network…"] = "系统、硬件、网络…",
        // Delivery problems (admin): notifications not delivered, incoming messages not processed.
        ["Arrived"] = "到达时间",
        ["Attempts"] = "尝试次数",
        ["Delivery problems"] = "投递问题",
        ["Download the message"] = "下载原始邮件",
        ["Every incoming message was processed."] = "所有收到的消息均已处理。",
        ["Every notification has been delivered."] = "所有通知均已送达。",
        ["Failed"] = "失败",
        ["Failed messages are not tried again until you retry them; waiting ones are retried by themselves."] = "失败的消息在您点击重试之前不会再发送;等待中的消息会自动重试。",
        ["Incoming messages that could not be processed"] = "无法处理的来信",
        ["Last error"] = "最近错误",
        ["Next attempt"] = "下次尝试",
        ["Notification {0} is queued again."] = "通知 {0} 已重新排队发送。",
        ["Notifications not delivered"] = "未送达的通知",
        ["Recipient"] = "收件人",
        ["Retry"] = "重试",
        ["Sender"] = "发件人",
        ["Source"] = "来源",
        ["Subject"] = "主题",
        ["Waiting"] = "等待重试",
    };

    /// <summary>The shared validation's messages name the field in English; next to the field, the gist is enough.</summary>
    public static string Message(string english)
    {
        if (Required().IsMatch(english))
        {
            return "此项必填。";
        }

        var tooLong = TooLong().Match(english);
        if (tooLong.Success)
        {
            return $"内容过长:最多 {tooLong.Groups[1].Value} 个字符(当前 {tooLong.Groups[2].Value} 个)。";
        }

        if (english.Contains("is not an ISO 8601 time", StringComparison.Ordinal))
        {
            return "时间格式不正确。";
        }

        if (english.Contains("cannot be after the report was received", StringComparison.Ordinal))
        {
            return "发生时间不能晚于报修时间。";
        }

        if (english.Contains("is not a date: use YYYY-MM-DD", StringComparison.Ordinal))
        {
            return "日期格式不正确,请使用 YYYY-MM-DD(如 2026-05-01)。";
        }

        if (english.Contains("is neither a date (YYYY-MM-DD", StringComparison.Ordinal))
        {
            return "日期或时间格式不正确,请使用 YYYY-MM-DD(如 2026-05-01)或带时区的时间(如 2026-05-01T09:00+08:00)。";
        }

        if (english.StartsWith("to must not be before from", StringComparison.Ordinal))
        {
            return "结束日期不能早于开始日期。";
        }

        if (english.StartsWith("A report covers at most", StringComparison.Ordinal))
        {
            return "报表最多覆盖三年。";
        }

        if (english.Contains("cannot be in the future", StringComparison.Ordinal))
        {
            return "时间不能晚于现在。";
        }

        if (AttachmentMessage(english) is { } attachment)
        {
            return attachment;
        }

        var range = Range().Match(english);
        return range.Success ? $"必须在 {range.Groups[1].Value} 到 {range.Groups[2].Value} 之间。" : english;
    }

    /// <summary>The reason a recurring-problem review was opened with, in Chinese; any other reason as it was written.</summary>
    public static string ReviewReason(string english)
    {
        var recurring = RecurringReason().Match(english);
        return recurring.Success
            ? $"{recurring.Groups[3].Value} 天内 {recurring.Groups[2].Value} 上有 {recurring.Groups[1].Value} 个相似工单"
            : english;
    }

    [GeneratedRegex(@"^(\d+) similar tickets on (.+) within (\d+) days$")]
    private static partial Regex RecurringReason();

    /// <summary>The attachment rules' refusals (<c>AttachmentStorage</c>, the upload API), naming the file.</summary>
    private static string? AttachmentMessage(string english)
    {
        if (english.StartsWith("Send the file as multipart/form-data", StringComparison.Ordinal))
        {
            return "请选择一个文件;空文件不会被接受。";
        }

        if (FileEmpty().Match(english) is { Success: true } empty)
        {
            return $"“{empty.Groups[1].Value}”是空文件。";
        }

        if (FileTooLarge().Match(english) is { Success: true } large)
        {
            return $"“{large.Groups[1].Value}”大小为 {large.Groups[2].Value} 字节,附件最大 {large.Groups[3].Value} 字节。";
        }

        if (UploadTooLarge().Match(english) is { Success: true } upload)
        {
            return $"文件大小为 {upload.Groups[1].Value},附件最大 {upload.Groups[2].Value}。";
        }

        if (FileKind().Match(english) is { Success: true } kind)
        {
            return $"不接受“{kind.Groups[1].Value}”这类文件。可接受的类型:{kind.Groups[2].Value}。";
        }

        return FileContent().Match(english) is { Success: true } content
            ? $"“{content.Groups[1].Value}”的内容不是 {content.Groups[2].Value} 文件。"
            : null;
    }

    [GeneratedRegex(@"^'(.*)' is empty\.$")]
    private static partial Regex FileEmpty();

    [GeneratedRegex(@"^'(.*)' is (\d+) bytes; attachments may be at most (\d+) bytes\.$")]
    private static partial Regex FileTooLarge();

    [GeneratedRegex(@"^The file is (.+); attachments may be at most (.+)\.$")]
    private static partial Regex UploadTooLarge();

    [GeneratedRegex(@"^Files like '(.*)' are not accepted\. Accepted: (.+)\.$")]
    private static partial Regex FileKind();

    [GeneratedRegex(@"^The content of '(.*)' is not a (\S*) file\.$")]
    private static partial Regex FileContent();

    [GeneratedRegex(@"^\S+ is required[.:]")]
    private static partial Regex Required();

    [GeneratedRegex(@"is too long: at most (\d+) characters \(got (\d+)\)")]
    private static partial Regex TooLong();

    [GeneratedRegex(@"must be from (\d+) to (\d+)")]
    private static partial Regex Range();
}
