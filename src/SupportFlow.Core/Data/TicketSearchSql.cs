using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SupportFlow.Search;

namespace SupportFlow.Data;

/// <summary>Which columns of a ticket's search document a search looks at.</summary>
public enum SearchScope
{
    /// <summary>Number and title only: what ranks a hit first.</summary>
    Title,

    /// <summary>What a reporter may read: title, description, public updates, comments.</summary>
    Public,

    /// <summary>Everything, work notes included: staff.</summary>
    All,
}

/// <summary>
/// The provider-specific half of search: the ids of tickets whose search document matches
/// every phrase, through the database's own full-text index. SQLite: FTS5 over the token
/// columns (a phrase is <c>"验证 证码"</c>, a prefix <c>"卡"*</c>); the tokens contain only
/// letters and digits, so quoting them is safe.
/// </summary>
public static class TicketSearchSql
{
    public static IQueryable<long> Matching(SupportFlowDbContext db, IReadOnlyList<SearchPhrase> phrases, SearchScope scope)
    {
        if (db.Database.IsSqlite())
        {
            // A named parameter per scope: one list query holds two of these (all hits and title hits).
            var (name, sql) = scope switch
            {
                SearchScope.Title => ("@search_title", """SELECT rowid AS "Value" FROM "TicketSearchIndex" WHERE "TicketSearchIndex" MATCH @search_title"""),
                SearchScope.Public => ("@search_public", """SELECT rowid AS "Value" FROM "TicketSearchIndex" WHERE "TicketSearchIndex" MATCH @search_public"""),
                SearchScope.All => ("@search_all", """SELECT rowid AS "Value" FROM "TicketSearchIndex" WHERE "TicketSearchIndex" MATCH @search_all"""),
            };
            return db.Database.SqlQueryRaw<long>(sql, new SqliteParameter(name, Fts5Match(phrases, scope)));
        }

        if (db.Database.IsNpgsql())
        {
            // The same tokens as tsvectors of the 'simple' configuration (no stemming, no stop
            // words), each column's own vector concatenated so a phrase never spans two columns;
            // a phrase is "验证 <-> 证码", a prefix "卡:*". The expressions are those of the GIN
            // indexes in the PostgreSQL migration.
            var (name, sql) = scope switch
            {
                SearchScope.Title => ("search_title", """
                    SELECT "TicketId" AS "Value" FROM "TicketSearch"
                    WHERE to_tsvector('simple'::regconfig, "Title") @@ to_tsquery('simple', @search_title)
                    """),
                SearchScope.Public => ("search_public", """
                    SELECT "TicketId" AS "Value" FROM "TicketSearch"
                    WHERE (to_tsvector('simple'::regconfig, "Title") || to_tsvector('simple'::regconfig, "Public"))
                        @@ to_tsquery('simple', @search_public)
                    """),
                SearchScope.All => ("search_all", """
                    SELECT "TicketId" AS "Value" FROM "TicketSearch"
                    WHERE (to_tsvector('simple'::regconfig, "Title") || to_tsvector('simple'::regconfig, "Public")
                        || to_tsvector('simple'::regconfig, "Internal")) @@ to_tsquery('simple', @search_all)
                    """),
            };
            return db.Database.SqlQueryRaw<long>(sql, new Npgsql.NpgsqlParameter(name, TsQuery(phrases)));
        }

        throw new NotSupportedException($"Search is not implemented for {db.Database.ProviderName}.");
    }

    /// <summary>
    /// The ids of tickets whose title or public text holds at least one of the given tokens
    /// (<see cref="SearchTokens.Index"/> output): the candidates for a similarity check, found by
    /// each database's full-text index instead of reading a module's tickets.
    /// </summary>
    public static IQueryable<long> MatchingAny(SupportFlowDbContext db, IReadOnlyList<string> tokens)
    {
        if (db.Database.IsSqlite())
        {
            var match = "{Title Public} : (" + string.Join(" OR ", tokens.Select(t => "\"" + t + "\"")) + ")";
            return db.Database.SqlQueryRaw<long>(
                """SELECT rowid AS "Value" FROM "TicketSearchIndex" WHERE "TicketSearchIndex" MATCH @search_any""",
                new SqliteParameter("@search_any", match));
        }

        if (db.Database.IsNpgsql())
        {
            return db.Database.SqlQueryRaw<long>("""
                SELECT "TicketId" AS "Value" FROM "TicketSearch"
                WHERE (to_tsvector('simple'::regconfig, "Title") || to_tsvector('simple'::regconfig, "Public"))
                    @@ to_tsquery('simple', @search_any)
                """, new Npgsql.NpgsqlParameter("search_any", string.Join(" | ", tokens)));
        }

        throw new NotSupportedException($"Search is not implemented for {db.Database.ProviderName}.");
    }

    internal static string TsQuery(IReadOnlyList<SearchPhrase> phrases) =>
        string.Join(" & ", phrases.Select(p =>
            "(" + string.Join(" <-> ", p.Tokens) + (p.IsPrefix ? ":*" : "") + ")"));

    internal static string Fts5Match(IReadOnlyList<SearchPhrase> phrases, SearchScope scope)
    {
        var match = new StringBuilder(scope switch
        {
            SearchScope.Title => "{Title} : (",
            SearchScope.Public => "{Title Public} : (",
            SearchScope.All => "(",
        });
        for (var i = 0; i < phrases.Count; i++)
        {
            match.Append(i == 0 ? "" : " AND ")
                .Append('"').Append(string.Join(' ', phrases[i].Tokens)).Append('"')
                .Append(phrases[i].IsPrefix ? "*" : "");
        }

        return match.Append(')').ToString();
    }
}
