using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Users;
using SupportFlow.Server.Web;

namespace SupportFlow.Server.Intake.Chat;

public sealed record ChatIdentityRequest(string? Channel, string? SenderId);

public sealed record ChatIdentityResponse(string Channel, string SenderId, DateTimeOffset BoundAt);

/// <summary>
/// Who a user is on each chat channel (<c>/api/users/{login}/chat-identities</c>, admin only): a
/// chat message acts for a user, comments as them and files under them only when its sender's
/// platform id is bound here. The sender id is the platform's: DingTalk <c>senderStaffId</c>,
/// WeCom <c>From/UserId</c>, Feishu <c>open_id</c>, the generic format's <c>sender.id</c>.
/// </summary>
public static class ChatIdentitiesApi
{
    public static void MapChatIdentitiesApi(this IEndpointRouteBuilder app)
    {
        var identities = app.MapGroup("/api/users/{login}/chat-identities").WithTags("Users").RequireAuthorization(Policies.Admin);
        identities.MapGet("/", List);
        identities.MapPost("/", Bind);
        identities.MapDelete("/{channel}/{senderId}", Unbind);
    }

    private static async Task<Ok<ChatIdentityResponse[]>> List(string login, UserAdministration users, SupportFlowDbContext db,
        OrganizationTime org, CancellationToken ct)
    {
        var user = await users.FindAsync(login, ct);
        var bound = await db.ChatIdentities.AsNoTracking().Include(i => i.Channel).Where(i => i.UserId == user.Id)
            .OrderBy(i => i.Channel.Name).ThenBy(i => i.SenderId).ToListAsync(ct);
        return TypedResults.Ok(bound.Select(i => Response(i, org)).ToArray());
    }

    private static async Task<Created<ChatIdentityResponse>> Bind(string login, ChatIdentityRequest request, ChatIdentityBinding binding,
        OrganizationTime org, CancellationToken ct)
    {
        var identity = await binding.BindSenderAsync(login, request, ct);
        return TypedResults.Created(ResourceUrl.For("/api/users", identity.User.Login, "chat-identities", identity.Channel.Name,
            identity.SenderId), Response(identity, org));
    }

    private static async Task<NoContent> Unbind(string login, string channel, string senderId, UserAdministration users,
        SupportFlowDbContext db, CancellationToken ct)
    {
        var user = await users.FindAsync(login, ct);
        var removed = await db.ChatIdentities
            .Where(i => i.UserId == user.Id && i.Channel.Name == channel && i.SenderId == senderId)
            .ExecuteDeleteAsync(ct);
        return removed == 0
            ? throw new NotFoundException("{0} has no chat identity '{1}' on channel '{2}'.", user.Login, senderId, channel)
            : TypedResults.NoContent();
    }

    private static ChatIdentityResponse Response(ChatIdentity identity, OrganizationTime org) =>
        new(identity.Channel.Name, identity.SenderId, org.Local(identity.BoundAt));
}
