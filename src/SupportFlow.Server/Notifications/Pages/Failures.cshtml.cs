using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Server.Intake;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Notifications.Pages;

/// <summary>
/// What did not get through, for admins: outbox rows that failed or are still waiting for their next
/// attempt (with a retry for the failed ones), and inbound messages that could not be processed, kept
/// whole for download. The same handlers as <c>/api/notifications</c> and <c>/api/intake/messages</c>.
/// </summary>
[Authorize(Policy = WebAuth.Admin)]
public sealed class FailuresModel(SupportFlowDbContext db, TimeProvider clock, OrganizationTime org, UiText text) : WebPage
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
                await NotificationsApi.Retry(id, db, clock, org, ct);
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
            var raw = await InboundMessagesApi.Raw(id, db, ct);
            return File(raw.FileContents.ToArray(), raw.ContentType ?? "message/rfc822", raw.FileDownloadName);
        }
        catch (NotFoundException)
        {
            return MissingPage();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var failed = (await NotificationsApi.List("failed", 200, db, org, ct)).Value ?? [];
        var pending = (await NotificationsApi.List("pending", 200, db, org, ct)).Value ?? [];
        Deliveries = [.. failed, .. pending];
        Inbound = (await InboundMessagesApi.List("failed", null, 200, db, org, ct)).Value ?? [];
    }
}
