using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SupportFlow.Tickets;

namespace SupportFlow.Data;

/// <summary>
/// The list's <c>text</c> filter: the number, or a case-insensitive substring of title or
/// description. SQLite's LIKE already ignores (ASCII) case; PostgreSQL's does not, so it uses ILIKE.
/// </summary>
public static class TicketTextFilter
{
    public static IQueryable<Ticket> WhereText(this IQueryable<Ticket> tickets, DatabaseFacade database, string text)
    {
        var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return database.IsNpgsql()
            ? tickets.Where(t => t.Number == text
                || EF.Functions.ILike(t.Title, pattern, "\\")
                || EF.Functions.ILike(t.Description, pattern, "\\"))
            : tickets.Where(t => t.Number == text
                || EF.Functions.Like(t.Title, pattern, "\\")
                || EF.Functions.Like(t.Description, pattern, "\\"));
    }
}
