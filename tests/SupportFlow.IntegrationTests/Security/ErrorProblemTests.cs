using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Security;

/// <summary>
/// Errors the framework used to answer with an empty body (issue 20, item 14) are RFC 9457
/// problems with a sentence a person can act on, in their language: a page form without a valid
/// antiforgery token, a request over the size limits, an unknown route or method under /api, and a
/// binary file sent to the import.
/// </summary>
public sealed class ErrorProblemTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        var app = new SupportFlowApp
        {
            // The form reader's limit, set on the in-process server: 4 KiB of multipart body.
            ConfigureTestServices = services => services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 4096),
        };
        _desk = await Desk.OpenAsync(app);
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private static async Task<(string Title, string Detail)> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.Json(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (problem["title"]!.GetValue<string>(), problem["detail"]!.GetValue<string>());
    }

    private static HttpClient In(HttpClient client, string language)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("zh-CN", "表单已失效", "刷新页面")]
    [InlineData("en", "The form has expired", "reload the page")]
    public async Task APageFormWithoutAValidTokenIsAProblem(string language, string title, string detail)
    {
        var browser = In(_desk.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }),
            language);
        await browser.GetStringAsync("/signin"); // the antiforgery cookie
        foreach (var token in new[] { null, "not-a-token" })
        {
            var fields = new Dictionary<string, string> { ["login"] = "alice", ["password"] = WebSignIn.Password };
            if (token is not null)
            {
                fields["__csrf"] = token;
            }

            var (said, why) = await ProblemAsync(await browser.PostAsync("/signin", new FormUrlEncodedContent(fields)), HttpStatusCode.BadRequest);
            Assert.Equal(title, said);
            Assert.Contains(detail, why, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zh-CN", "请求过大", "更小的文件")]
    [InlineData("en", "Request too large", "a smaller file")]
    public async Task ARequestOverTheFormLimitIsA413Problem(string language, string title, string detail)
    {
        var number = await _desk.ReportAsync();
        var big = new byte[20_000];
        Array.Fill(big, (byte)'x');
        var upload = new MultipartFormDataContent { { new ByteArrayContent(big), "file", "日志 100%.txt" } };
        var import = new MultipartFormDataContent { { new ByteArrayContent(big), "file", "导入.csv" } };

        var uploaded = await In(_desk.Alice, language).PostAsync($"/api/tickets/{number}/attachments", upload);
        var imported = await In(_desk.Supervisor, language).PostAsync("/api/tickets/import", import);

        foreach (var response in new[] { uploaded, imported })
        {
            var (said, why) = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
            Assert.Equal(title, said);
            Assert.Contains(detail, why, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zh-CN", "未找到", "没有 API 端点 GET /api/no-such-thing", "不允许的方法", "不接受 DELETE")]
    [InlineData("en", "Not found", "There is no API endpoint GET /api/no-such-thing", "Method not allowed", "DELETE is not allowed on /api/tickets")]
    public async Task UnknownRoutesAndMethodsUnderApiAreProblems(string language, string notFound, string noEndpoint,
        string notAllowed, string noMethod)
    {
        var client = In(_desk.Engineer, language);

        var (title, detail) = await ProblemAsync(await client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
        Assert.Equal(notFound, title);
        Assert.Contains(noEndpoint, detail, StringComparison.Ordinal);

        (title, detail) = await ProblemAsync(await client.DeleteAsync("/api/tickets"), HttpStatusCode.MethodNotAllowed);
        Assert.Equal(notAllowed, title);
        Assert.Contains(noMethod, detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "不是 CSV 文本文件")]
    [InlineData("en", "not a CSV text file")]
    public async Task ABinaryFileSentToTheImportIsA400NamingTheFileField(string language, string message)
    {
        // The start of an XLSX (a zip) and of a PNG: binary, not CSV.
        foreach (var bytes in new[]
                 {
                     new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xC3, 0x28, 0x9F, 0xFF },
                     new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 },
                     "title,module\n\0\0\0,x\n"u8.ToArray(),
                 })
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var response = await In(_desk.Supervisor, language).PostAsync("/api/tickets/import",
                new MultipartFormDataContent { { file, "file", "工单 2026.xlsx" } });

            var problem = await response.FieldError("file");
            Assert.Contains(message, problem["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Empty((await (await _desk.Supervisor.GetAsync("/api/tickets")).Json(HttpStatusCode.OK))["items"]!.AsArray());
    }
}
