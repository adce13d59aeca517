using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Server.Users;

namespace SupportFlow.Server.Intake.Chat;

/// <summary>An admin binds a chat sender to a user: the API's <c>POST /api/users/{login}/chat-identities</c> and the CLI's <c>users bind-chat</c>.</summary>
public sealed class ChatIdentityBinding(SupportFlowDbContext db, UserAdministration users, TimeProvider clock)
{
    // Not "BindAsync": minimal APIs would take a class with that method for a parameter that binds itself.
    public async Task<ChatIdentity> BindSenderAsync(string login, ChatIdentityRequest request, CancellationToken ct)
    {
        var user = await users.FindAsync(login, ct);
        var errors = new RequestErrors();
        var channelName = errors.Required("channel", request.Channel, Limits.Name);
        var senderId = errors.Required("senderId", request.SenderId, Limits.Email);
        var channel = channelName.Length == 0 ? null : await db.ChatChannels.SingleOrDefaultAsync(c => c.Name == channelName, ct);
        if (channelName.Length > 0 && channel is null)
        {
            errors.Add("channel", "Unknown chat channel '{0}'. GET /api/chat-channels lists them.", channelName);
        }

        errors.ThrowIfInvalid();
        if (await db.ChatIdentities.Include(i => i.User).FirstOrDefaultAsync(i => i.ChatChannelId == channel!.Id && i.SenderId == senderId, ct)
            is { } existing)
        {
            throw new DomainException("Sender '{0}' of chat channel '{1}' is already bound to {2}.", senderId, channelName,
                existing.User.Login);
        }

        var identity = new ChatIdentity(channel!, senderId, user, clock.GetUtcNow());
        db.ChatIdentities.Add(identity);
        await db.SaveChangesAsync(ct);
        return identity;
    }
}
