namespace SupportFlow.Intake;

/// <summary>
/// Recognises mail written by machines (out-of-office answers, bounces, list traffic), which
/// must never open a ticket nor be answered: answering an auto-reply is how mail loops start.
/// </summary>
public static class AutoReplies
{
    private static readonly string[] MachineSenders = ["mailer-daemon", "postmaster"];

    /// <summary>
    /// Why the message is machine-written, or null for a person's mail. <paramref name="header"/>
    /// returns a header's value (or null); <paramref name="envelopeSender"/> is the Return-Path
    /// ("" for the null sender &lt;&gt; of bounces, null when unknown).
    /// </summary>
    public static string? Why(Func<string, string?> header, string? fromAddress, string? envelopeSender, string contentType)
    {
        var autoSubmitted = header("Auto-Submitted")?.Trim();
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {autoSubmitted}";
        }

        var precedence = header("Precedence")?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list" or "auto_reply")
        {
            return $"Precedence: {precedence}";
        }

        if (header("X-Autoreply") is not null || header("X-Autorespond") is not null)
        {
            return "X-Autoreply";
        }

        if (contentType.StartsWith("multipart/report", StringComparison.OrdinalIgnoreCase))
        {
            return "a delivery or read report (multipart/report)";
        }

        var local = fromAddress?.Split('@')[0].ToLowerInvariant();
        if (local is not null && MachineSenders.Contains(local))
        {
            return $"sent by {fromAddress}";
        }

        return envelopeSender is { Length: 0 } ? "a bounce (empty Return-Path)" : null;
    }
}
