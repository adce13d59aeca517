using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportFlow.Common;
using SupportFlow.Server.Auth;

namespace SupportFlow.Server.Tickets;

public sealed record ImportResponse(bool DryRun, int Tickets, IReadOnlyList<string> Numbers, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// <c>POST /api/tickets/import</c> (supervisors): multipart <c>file</c> (CSV), any number of
/// <c>map</c> fields (<c>column=field</c>) and <c>dryRun</c> (form or query). Bad rows are a 400
/// problem whose <c>errors</c> name <c>rows[N].field</c> and whose <c>rows</c> list row, column,
/// field and message; nothing is written then, nor on a dry run. <c>dryRun</c> is true for
/// <c>true</c>, <c>1</c> or <c>on</c> (an HTML checkbox); any value that is not one of those or
/// <c>false</c>, <c>0</c>, <c>off</c> is a 400 for that field, before any row is read.
/// </summary>
public static class TicketImportApi
{
    public static async Task<Results<Ok<ImportResponse>, ValidationProblem>> Import(HttpContext http, [FromQuery] string? dryRun,
        TicketImport import, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            throw Invalid("file", "Send the CSV file as multipart/form-data in the field 'file'.");
        }

        var form = await http.Request.ReadFormAsync(ct);
        var errors = new RequestErrors();
        var dry = errors.Flag("dryRun", dryRun ?? form["dryRun"].FirstOrDefault());
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            errors.Add("file", "file is required: the CSV file to import.");
        }

        errors.ThrowIfInvalid();
        await using var stream = file!.OpenReadStream();
        var result = await import.ImportAsync(http.User.ToActor(), stream, Path.GetFileName(file.FileName), form["map"].OfType<string>(),
            dry, ct);
        if (result.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => $"rows[{e.Row}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Rows of the file are invalid; nothing was imported.",
                extensions: new Dictionary<string, object?> { ["rows"] = result.Errors, ["dryRun"] = result.DryRun });
        }

        return TypedResults.Ok(new ImportResponse(result.DryRun, result.Numbers.Count, result.Numbers, result.IgnoredColumns));
    }

    private static RequestValidationException Invalid(string field, string key) => new(field, key);
}
