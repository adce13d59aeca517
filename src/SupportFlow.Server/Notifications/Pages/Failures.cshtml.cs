using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Common;
using SupportFlow.Intake;
using SupportFlow.Notifications;
using SupportFlow.Server.Intake;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Notifications.Pages;

/// <summary>
/// What did not get through, for admins: outbox rows that failed or are still waiting for their next
/// attempt (with a retry for the failed ones), and inbound messages that could not be processed, kept
/// whole for download. The same use-cases as <c>/api/notifications</c> and <c>/api/intake/messages</c>.
/// </summary>
[Authorize(Policy = WebAuth.Admin)]
public sealed class FailuresModel(DeliveryQueue queue, InboundMessageLog inbound, UiText text) : WebPage
{
    public const string Path = "/admin/failures";

    /// <summary>Failed deliveries first, then those waiting for another attempt; newest first within each.</summary>
    public IReadOnlyList<DeliveryResponse> Deliveries { get; private set; } = [];

    public IReadOnlyList<InboundMessageResponse> Inbound { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Sends a failed message again: a fresh set of attempts, from now.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        try
        {
            return await AttemptAsync("retry", async () =>
            {
                await queue.RetryAsync(id, ct);
                Notice = text.Format("Notification {0} is queued again.", id);
                return LocalRedirect(Path);
            }, () => LoadAsync(ct));
        }
        catch (NotFoundException)
        {
            return MissingPage();
        }
    }

    /// <summary>A kept inbound message as it arrived (.eml).</summary>
    public async Task<IActionResult> OnGetRawAsync(long id, CancellationToken ct)
    {
        try
        {
            var (content, fileName) = await inbound.RawAsync(id, ct);
            return File(content, "message/rfc822", fileName);
        }
        catch (NotFoundException)
        {
            return MissingPage();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var failed = await queue.ListAsync(OutboxStatus.Failed, 200, ct);
        var pending = await queue.ListAsync(OutboxStatus.Pending, 200, ct);
        Deliveries = [.. failed, .. pending];
        Inbound = await inbound.ListAsync(InboundOutcome.Failed, null, 200, ct);
    }
}
