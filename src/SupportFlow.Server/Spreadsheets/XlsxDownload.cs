using Microsoft.AspNetCore.Http.Features;

namespace SupportFlow.Server.Spreadsheets;

/// <summary>
/// An XLSX download written into the response as its rows come: no temporary file and no workbook
/// in memory. It is sent by ASP.NET Core's <c>TypedResults.Stream</c>, whose Content-Disposition
/// carries an RFC 6266 <c>filename*</c> for names beyond ASCII.
/// </summary>
public sealed class XlsxDownload(string fileName, Func<XlsxWorkbook, CancellationToken, Task> write) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        // .NET 10's ZipArchive still ends each entry with a few synchronous writes (the deflater's last
        // block and the data descriptor) on a stream it cannot seek (dotnet/runtime#121624), and Kestrel
        // refuses synchronous writes unless the response allows them.
        if (httpContext.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        var ct = httpContext.RequestAborted;
        return TypedResults.Stream(async stream =>
        {
            await using var workbook = await XlsxWorkbook.CreateAsync(stream, ct);
            await write(workbook, ct);
            await workbook.FinishAsync(ct);
        }, XlsxWorkbook.ContentType, fileName).ExecuteAsync(httpContext);
    }
}
