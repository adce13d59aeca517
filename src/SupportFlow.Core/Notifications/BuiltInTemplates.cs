namespace SupportFlow.Notifications;

/// <summary>The wording used until an admin changes it (PUT /api/notifications/templates/{event}/{language}).</summary>
public static class BuiltInTemplates
{
    public static TemplateText For(NotificationEvent @event, string language) =>
        language == Languages.Chinese ? Chinese(@event) : English(@event);

    private static TemplateText English(NotificationEvent @event) => @event switch
    {
        NotificationEvent.Received => new("Received: {title}",
            "Dear {recipient},\n\nwe received your report \"{title}\" ({module}, {priority}) as ticket {number}.\nFollow it at {link}."),
        NotificationEvent.Assigned => new("Owner assigned: {title}",
            "Dear {recipient},\n\nyour ticket {number} \"{title}\" was received; owner: {assignee}; first feedback expected within {feedbackWithin}.\n{link}"),
        NotificationEvent.PublicUpdate => new("Progress update: {title}",
            "Dear {recipient},\n\n{assignee} wrote about ticket {number}:\n\n{message}\n\n{link}"),
        NotificationEvent.PendingOnYou => new("Waiting for your answer: {title}",
            "Dear {recipient},\n\nticket {number} \"{title}\" waits for your answer:\n\n{message}\n\nPlease reply at {link}."),
        NotificationEvent.Resolved => new("Resolved, please confirm: {title}",
            "Dear {recipient},\n\nticket {number} \"{title}\" was resolved. Please confirm that the problem is solved, or tell us it is not, at {link}."),
        NotificationEvent.Closed => new("Closed: {title}",
            "Dear {recipient},\n\nticket {number} \"{title}\" is closed. Thank you.\n{link}"),
        NotificationEvent.AssignedToYou => new("Assigned to you: {title}",
            "{recipient}, ticket {number} ({priority}, {module}) was assigned to you.\nReporter: {reporter}\n{message}\n{link}"),
        NotificationEvent.ReporterReplied => new("Reporter replied: {title}",
            "{recipient}, {reporter} wrote on ticket {number}:\n\n{message}\n\n{link}"),
        NotificationEvent.ConfirmationRejected => new("Resolution rejected: {title}",
            "{recipient}, {reporter} says ticket {number} is not solved; it is back in progress.\n\n{message}\n\n{link}"),
        NotificationEvent.SlaWarning => new("SLA warning: {title}",
            "{recipient}, ticket {number} ({priority}) is close to its SLA target.\n{message}\n{link}"),
        NotificationEvent.NewUrgent => new("New {priority} ticket: {title}",
            "{recipient}, a {priority} ticket needs attention: {number} \"{title}\" ({module}, team {team}).\n{link}"),
        NotificationEvent.SlaBreach => new("SLA breached: {title}",
            "Ticket {number} ({priority}, team {team}, owner {assignee}) breached its SLA.\n{message}\n{link}"),
        NotificationEvent.NewTicket => new("New ticket: {title}",
            "New ticket {number} for team {team}: \"{title}\" ({priority}, {module}), reported by {reporter}.\n{link}"),
        NotificationEvent.P1Opened => new("P1 opened: {title}",
            "P1 ticket {number} for team {team}: \"{title}\" ({module}), reported by {reporter}. Business is interrupted.\n{link}"),
        NotificationEvent.VendorInvolved => new("Your help is needed: {title}",
            "Dear {recipient},\n\nticket {number} \"{title}\" ({module}) involves your product.\n{message}"),
        NotificationEvent.SlaEscalation => new("SLA escalation {level}: {title}",
            "{recipient}, ticket {number} \"{title}\" ({priority}, team {team}, owner {assignee}) has been breached for {breachedFor}: escalation level {level}.\n{link}"),
    };

    private static TemplateText Chinese(NotificationEvent @event) => @event switch
    {
        NotificationEvent.Received => new("已受理:{title}",
            "{recipient} 您好:\n\n您报告的问题“{title}”({module},{priority})已受理,单号 {number}。\n查看进度:{link}"),
        NotificationEvent.Assigned => new("已分派处理人:{title}",
            "{recipient} 您好:\n\n工单 {number}“{title}”已受理;处理负责人:{assignee};预计 {feedbackWithin} 内首次反馈。\n{link}"),
        NotificationEvent.PublicUpdate => new("处理进度:{title}",
            "{recipient} 您好:\n\n{assignee} 更新了工单 {number} 的进度:\n\n{message}\n\n{link}"),
        NotificationEvent.PendingOnYou => new("等待您的回复:{title}",
            "{recipient} 您好:\n\n工单 {number}“{title}”需要您补充信息:\n\n{message}\n\n请在此回复:{link}"),
        NotificationEvent.Resolved => new("已解决,请确认:{title}",
            "{recipient} 您好:\n\n工单 {number}“{title}”已解决。请确认问题是否已经解决:{link}"),
        NotificationEvent.Closed => new("已关闭:{title}",
            "{recipient} 您好:\n\n工单 {number}“{title}”已关闭,感谢您的配合。\n{link}"),
        NotificationEvent.AssignedToYou => new("分派给您:{title}",
            "{recipient}:工单 {number}({priority},{module})已分派给您。\n报修人:{reporter}\n{message}\n{link}"),
        NotificationEvent.ReporterReplied => new("报修人已回复:{title}",
            "{recipient}:{reporter} 在工单 {number} 中回复:\n\n{message}\n\n{link}"),
        NotificationEvent.ConfirmationRejected => new("解决方案被驳回:{title}",
            "{recipient}:{reporter} 表示工单 {number} 的问题仍未解决,工单已重新打开。\n\n{message}\n\n{link}"),
        NotificationEvent.SlaWarning => new("SLA 预警:{title}",
            "{recipient}:工单 {number}({priority})即将超过 SLA 时限。\n{message}\n{link}"),
        NotificationEvent.NewUrgent => new("新的 {priority} 工单:{title}",
            "{recipient}:{priority} 工单需要关注:{number}“{title}”({module},{team} 组)。\n{link}"),
        NotificationEvent.SlaBreach => new("SLA 超时:{title}",
            "工单 {number}({priority},{team} 组,负责人 {assignee})已超过 SLA 时限。\n{message}\n{link}"),
        NotificationEvent.NewTicket => new("新工单:{title}",
            "{team} 组新工单 {number}:“{title}”({priority},{module}),报修人 {reporter}。\n{link}"),
        NotificationEvent.P1Opened => new("P1 紧急工单:{title}",
            "{team} 组 P1 紧急工单 {number}:“{title}”({module}),报修人 {reporter},业务已中断。\n{link}"),
        NotificationEvent.VendorInvolved => new("需要贵方协助:{title}",
            "{recipient} 您好:\n\n工单 {number}“{title}”({module})涉及贵方产品,需要协助处理。\n{message}"),
        NotificationEvent.SlaEscalation => new("SLA 升级 {level}:{title}",
            "{recipient}:工单 {number}“{title}”({priority},{team} 组,负责人 {assignee})已超时 {breachedFor},升级至“{level}”。\n{link}"),
    };
}
