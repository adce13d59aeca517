namespace SupportFlow.Server.Intake.Chat;

/// <summary>
/// A person's message from a chat platform, once its signature is verified and its format read.
/// <see cref="SenderId"/> is the platform's id of the person, which a <see cref="SupportFlow.Intake.ChatIdentity"/>
/// may bind to a user; the name is only shown.
/// </summary>
public sealed record ChatMessage(string Id, string? SenderId, string SenderName, string Text);

/// <summary>What a platform's webhook turned out to carry.</summary>
public abstract record ChatRequest
{
    /// <summary>A message to take in; <see cref="Reply"/> turns the answer text into the platform's response.</summary>
    public sealed record Message(ChatMessage Content, Func<string, IResult> Reply) : ChatRequest;

    /// <summary>The platform checking the endpoint (URL verification): answered as it asks, nothing taken in.</summary>
    public sealed record Handshake(IResult Response) : ChatRequest;

    /// <summary>Signed and valid, but nothing to take in (an event of another kind, a picture): acknowledged.</summary>
    public sealed record Nothing(IResult Response) : ChatRequest;
}

/// <summary>A request whose signature, token or timestamp does not verify: 401, nothing changes.</summary>
public sealed class ChatSignatureException(string message) : Exception(message);
