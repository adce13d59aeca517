using SupportFlow.Users;

namespace SupportFlow.Intake;

/// <summary>
/// Who records a report that arrived by itself (mail, chat, the public form): staff-like, so the
/// report is recorded for its sender and may carry the time it really arrived.
/// </summary>
public static class IntakeActors
{
    public static Actor Mail { get; } = new(null, "email", "E-mail intake", Role.Engineer, new HashSet<int>());

    public static Actor Chat { get; } = new(null, "chat", "Chat intake", Role.Engineer, new HashSet<int>());

    public static Actor WebForm { get; } = new(null, "webform", "Web form", Role.Engineer, new HashSet<int>());

    public static Actor Of(Tickets.Channel channel) => channel switch
    {
        Tickets.Channel.Email => Mail,
        Tickets.Channel.Chat => Chat,
        _ => WebForm,
    };

    /// <summary>
    /// Whether an e-mail address that <paramref name="actor"/> records for a reporter may link the
    /// report to the account with that address. The public form is anonymous: anyone can type
    /// anyone's address into it, so its reports stay unlinked (the address is kept as given). A chat
    /// message's sender is a user only through a <see cref="ChatIdentity"/>, never by an address it claims.
    /// </summary>
    public static bool LinksReporterByEmail(Actor actor) => !ReferenceEquals(actor, WebForm) && !ReferenceEquals(actor, Chat);

    /// <summary>Someone without an account writing to a ticket (by mail or chat): named by their address.</summary>
    public static Actor Outsider(string address, string name) => new(null, address, name, Role.Reporter, new HashSet<int>());
}
