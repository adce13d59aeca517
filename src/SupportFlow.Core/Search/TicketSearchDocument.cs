using SupportFlow.Tickets;

namespace SupportFlow.Search;

/// <summary>
/// A ticket's searchable text, already turned into <see cref="SearchTokens"/>, one row per
/// ticket. Each database indexes these token columns with its own full-text index (SQLite
/// FTS5, PostgreSQL tsvector + GIN). Text a reporter may read (title, description, public
/// updates, comments) is kept apart from work notes, which only staff may find.
/// </summary>
public sealed class TicketSearchDocument
{
    private TicketSearchDocument()
    {
    }

    public long TicketId { get; private set; }

    /// <summary>Set only while a new ticket and its document are saved together.</summary>
    public Ticket? Ticket { get; private set; }

    /// <summary>The ticket number and title: a hit here ranks first.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Description, public updates and comments: what the reporter sees too.</summary>
    public string Public { get; private set; } = "";

    /// <summary>Work notes: staff only.</summary>
    public string Internal { get; private set; } = "";

    /// <summary>The document of a ticket being received; its lines are added with <see cref="Add(string, bool)"/>.</summary>
    public static TicketSearchDocument For(Ticket ticket) => new()
    {
        Ticket = ticket,
        Title = SearchTokens.Index(ticket.Number + " " + ticket.Title),
        Public = SearchTokens.Index(ticket.Description),
    };

    /// <summary>A document rebuilt from stored facts (an existing ticket indexed afterwards).</summary>
    public static TicketSearchDocument Rebuild(long ticketId, string number, string title, string description,
        IEnumerable<(string Note, bool IsPublic)> notes)
    {
        var document = new TicketSearchDocument
        {
            TicketId = ticketId,
            Title = SearchTokens.Index(number + " " + title),
            Public = SearchTokens.Index(description),
        };
        foreach (var (note, isPublic) in notes)
        {
            document.Add(note, isPublic);
        }

        return document;
    }

    /// <summary>Whether a history line carries text to find: work notes, public updates and comments.</summary>
    public static bool IsSearchable(TicketHistoryEntry line) =>
        line.Note is not null && SearchableActions.Contains(line.Action);

    public static readonly IReadOnlySet<string> SearchableActions = new HashSet<string>(StringComparer.Ordinal)
    {
        HistoryAction.Worklog,
        HistoryAction.Update,
        HistoryAction.Comment,
    };

    public void Add(string note, bool isPublic)
    {
        var tokens = SearchTokens.Index(note);
        if (tokens.Length == 0)
        {
            return;
        }

        if (isPublic)
        {
            Public = Public.Length == 0 ? tokens : Public + " " + tokens;
        }
        else
        {
            Internal = Internal.Length == 0 ? tokens : Internal + " " + tokens;
        }
    }
}
