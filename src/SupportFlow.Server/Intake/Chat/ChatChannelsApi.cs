using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Common;
using SupportFlow.Data;
using SupportFlow.Intake;
using SupportFlow.Server.Auth;
using SupportFlow.Server.Web;
using SupportFlow.Tickets;

namespace SupportFlow.Server.Intake.Chat;

public sealed record ChatChannelRequest(
    string? Name, string? Platform, string? Token, string? Secret, string? AesKey, string? Module, string? Priority, bool? Enabled,
    string? AnswerUrl = null, string? AnswerSecret = null);

/// <summary>A chat channel as shown to admins: secrets are never returned, only whether they are set.</summary>
public sealed record ChatChannelResponse(
    string Name, ChatPlatform Platform, bool TokenSet, bool SecretSet, bool AesKeySet, string Module, string? Team, Priority Priority,
    bool Enabled, string Url, string? AnswerUrl, bool AnswerSecretSet)
{
    public static ChatChannelResponse From(ChatChannel c) => new(c.Name, c.Platform, !string.IsNullOrEmpty(c.Token),
        !string.IsNullOrEmpty(c.Secret), !string.IsNullOrEmpty(c.AesKey), c.Module.Name, c.Module.Team?.Name, c.Priority, c.Enabled,
        ResourceUrl.For("/api/intake/chat", c.Name), c.AnswerUrl, !string.IsNullOrEmpty(c.AnswerSecret));
}

/// <summary>Admin API for the chat channels whose bots report to the desk (<c>/api/chat-channels</c>).</summary>
public static class ChatChannelsApi
{
    public static void MapChatChannelsApi(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/api/chat-channels").WithTags("Intake").RequireAuthorization(Policies.Admin);
        channels.MapGet("/", List);
        channels.MapGet("/{name}", Get);
        channels.MapPost("/", Create);
        channels.MapPut("/{name}", Update);
        channels.MapDelete("/{name}", Delete);
    }

    private static async Task<Ok<ChatChannelResponse[]>> List(SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await Query(db).OrderBy(c => c.Name).ToListAsync(ct)).Select(ChatChannelResponse.From).ToArray());

    private static async Task<Ok<ChatChannelResponse>> Get(string name, SupportFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ChatChannelResponse.From(await FindAsync(db, name, ct)));

    private static async Task<Created<ChatChannelResponse>> Create(ChatChannelRequest request, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        var name = errors.Name("name", request.Name);
        var platform = errors.Enum<ChatPlatform>("platform", request.Platform);
        var module = await ModuleField.FindAsync(db, errors, request.Module ?? "", ct);
        errors.ThrowIfInvalid();
        var channel = new ChatChannel(name, platform!.Value, module!);
        Apply(channel, request, errors);
        errors.ThrowIfInvalid();
        if (await db.ChatChannels.AnyAsync(c => c.Name == name, ct))
        {
            throw new DomainException("Chat channel '{0}' already exists.", name);
        }

        db.ChatChannels.Add(channel);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(ResourceUrl.For("/api/chat-channels", channel.Name), ChatChannelResponse.From(channel));
    }

    private static async Task<Ok<ChatChannelResponse>> Update(string name, ChatChannelRequest request, SupportFlowDbContext db,
        CancellationToken ct)
    {
        var channel = await FindAsync(db, name, ct);
        var errors = new RequestErrors();
        if (request.Name is not null)
        {
            channel.Name = errors.Name("name", request.Name);
        }

        if (request.Platform is not null && errors.Enum<ChatPlatform>("platform", request.Platform) is { } platform)
        {
            channel.Platform = platform;
        }

        if (request.Module is not null && await ModuleField.FindAsync(db, errors, request.Module, ct) is { } module)
        {
            channel.Module = module;
        }

        Apply(channel, request, errors);
        errors.ThrowIfInvalid();
        if (await db.ChatChannels.AnyAsync(c => c.Name == channel.Name && c.Id != channel.Id, ct))
        {
            throw new DomainException("Chat channel '{0}' already exists.", channel.Name);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ChatChannelResponse.From(channel));
    }

    private static async Task<NoContent> Delete(string name, SupportFlowDbContext db, CancellationToken ct)
    {
        db.ChatChannels.Remove(await FindAsync(db, name, ct));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Secrets and defaults, then what the platform needs to verify its requests.</summary>
    private static void Apply(ChatChannel channel, ChatChannelRequest request, RequestErrors errors)
    {
        channel.Token = request.Token is null ? channel.Token : errors.Optional("token", request.Token, Limits.Name);
        channel.Secret = request.Secret is null ? channel.Secret : errors.Optional("secret", request.Secret, Limits.Password);
        channel.AesKey = request.AesKey is null ? channel.AesKey : errors.Optional("aesKey", request.AesKey, Limits.Name);
        if (request.Priority is not null && errors.Enum<Priority>("priority", request.Priority) is { } priority)
        {
            channel.Priority = priority;
        }

        channel.Enabled = request.Enabled ?? channel.Enabled;
        if (request.AnswerUrl is not null)
        {
            // "answerUrl": "" removes it.
            var url = errors.Optional("answerUrl", request.AnswerUrl, Limits.Url);
            channel.AnswerUrl = url;
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                errors.Add("answerUrl", "'{0}' is not an http(s) address of the group's incoming webhook.", url);
            }
        }

        channel.AnswerSecret = request.AnswerSecret is null
            ? channel.AnswerSecret
            : errors.Optional("answerSecret", request.AnswerSecret, Limits.Password);
        switch (channel.Platform)
        {
            case ChatPlatform.DingTalk when string.IsNullOrEmpty(channel.Secret):
                errors.Add("secret", "DingTalk signs with the robot's AppSecret: give it as secret.");
                break;
            case ChatPlatform.Generic when string.IsNullOrEmpty(channel.Secret):
                errors.Add("secret", "The generic format is signed with HMAC-SHA256: give the shared secret.");
                break;
            case ChatPlatform.Feishu when string.IsNullOrEmpty(channel.Secret) && string.IsNullOrEmpty(channel.Token):
                errors.Add("token", "Feishu requests are verified by the Verification Token (token) and/or the Encrypt Key (secret).");
                break;
            case ChatPlatform.WeCom:
                if (string.IsNullOrEmpty(channel.Token))
                {
                    errors.Add("token", "WeCom signs with the callback Token: give it as token.");
                }

                if (channel.AesKey is not { Length: 43 } key || !IsBase64(key + "="))
                {
                    errors.Add("aesKey", "WeCom encrypts with the EncodingAESKey: the 43 characters shown in its settings.");
                }

                break;
        }
    }

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out var n) && n == 32;

    private static IQueryable<ChatChannel> Query(SupportFlowDbContext db) => db.ChatChannels.Include(c => c.Module).ThenInclude(m => m.Team);

    private static async Task<ChatChannel> FindAsync(SupportFlowDbContext db, string name, CancellationToken ct) =>
        await Query(db).SingleOrDefaultAsync(c => c.Name == name, ct) ?? throw new NotFoundException("Chat channel '{0}' was not found.", name);
}
