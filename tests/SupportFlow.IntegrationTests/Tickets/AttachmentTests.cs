using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Tickets;

/// <summary>
/// Attachments: multipart upload in the field <c>file</c>, list, download with the right content
/// type and a sanitised name; refused kinds, disguised content, oversized files and other
/// people's tickets.
/// </summary>
public sealed class AttachmentTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private readonly Desk _desk = fixture.Desk;

    /// <summary>A real 1x1 PNG, padded to <paramref name="size"/> bytes with trailing zeros when asked.</summary>
    public static byte[] Png(int size = 0)
    {
        byte[] png =
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
            0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
            0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
            0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ];
        return size <= png.Length ? png : [.. png, .. new byte[size - png.Length]];
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string number, byte[] content, string fileName,
        string field = "file")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        return await client.PostAsync($"/api/tickets/{number}/attachments", form);
    }

    private async Task<JsonArray> ListAsync(string number) =>
        await (await _desk.Supervisor.GetAsync($"/api/tickets/{number}/attachments")).JsonArray();

    private int StoredFileCount()
    {
        var root = Path.Combine(_desk.App.DataDirectory, "attachments");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length : 0;
    }

    /// <summary>Asserts the upload is refused with <paramref name="status"/> naming <c>file</c>, and nothing was kept.</summary>
    private async Task RefusedAsync(string number, byte[] content, string fileName, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var files = StoredFileCount();
        var before = await _desk.StateAsync(number);

        await (await UploadAsync(_desk.Engineer, number, content, fileName)).FieldError("file", status);

        Assert.Empty(await ListAsync(number));
        Assert.Equal(before, await _desk.StateAsync(number));
        Assert.Equal(files, StoredFileCount());
    }

    [Fact]
    public async Task APngIsUploadedListedAndDownloadedByteForByte()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);
        var png = Png();

        var response = await UploadAsync(_desk.Engineer, number, png, "screen.png");

        var created = await response.Json(HttpStatusCode.Created);
        Assert.Equal(("screen.png", "image/png", png.Length), (created.Str("fileName"), created.Str("contentType"), created["size"]!.GetValue<int>()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), created.Str("sha256"));
        Assert.Equal("eng1", created.Str("uploadedBy"));
        Assert.Equal(created.Str("url"), response.Headers.Location?.OriginalString);

        var listed = Assert.Single(await ListAsync(number));
        Assert.Equal(created["id"]!.GetValue<long>(), listed!["id"]!.GetValue<long>());

        var download = await _desk.Alice.GetAsync(created.Str("url"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("screen.png", disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task TheReporterAttachesAScreenshotToTheirOwnTicket()
    {
        var number = await _desk.TicketAtAsync(Stage.New);

        var created = await (await UploadAsync(_desk.Alice, number, Png(), "error.PNG")).Json(HttpStatusCode.Created);

        Assert.Equal(("alice", "image/png"), (created.Str("uploadedBy"), created.Str("contentType")));
        var seen = await (await _desk.Alice.GetAsync($"/api/tickets/{number}/attachments")).JsonArray();
        Assert.Single(seen);
    }

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("..\\..\\Windows\\win.log", "win.log")]
    [InlineData("/var/log/app.log", "app.log")]
    [InlineData("...hidden.txt", "hidden.txt")]
    [InlineData("what?<is>|this*.txt", "what__is__this_.txt")]
    public async Task APathOrReservedCharactersInTheNameAreStrippedFromTheStoredName(string sent, string stored)
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);
        var content = Encoding.UTF8.GetBytes("root:x:0:0:root:/root:/bin/bash\n");

        var created = await (await UploadAsync(_desk.Engineer, number, content, sent)).Json(HttpStatusCode.Created);

        Assert.Equal(stored, created.Str("fileName"));
        var download = await _desk.Engineer.GetAsync(created.Str("url"));
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal(stored, disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
        Assert.False(File.Exists(Path.Combine(_desk.App.DataDirectory, "..", "..", "etc", "passwd.txt")));
    }

    [Fact]
    public async Task AChineseFileNameSurvivesUploadAndDownload()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        var created = await (await UploadAsync(_desk.Engineer, number, Png(), "错误截图 2026-05-20.png")).Json(HttpStatusCode.Created);

        Assert.Equal("错误截图 2026-05-20.png", created.Str("fileName"));
        Assert.Equal("错误截图 2026-05-20.png", Assert.Single(await ListAsync(number)).Str("fileName"));
        var download = await _desk.Engineer.GetAsync(created.Str("url"));
        Assert.Equal("错误截图 2026-05-20.png", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("run.sh")]
    [InlineData("page.html")]
    [InlineData("noextension")]
    public async Task AFileOfAKindNotAcceptedIsRefused(string fileName)
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        await RefusedAsync(number, [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], fileName);
    }

    [Theory]
    [InlineData("screen.png", "<script>alert(1)</script>")]
    [InlineData("scan.pdf", "not a pdf at all")]
    [InlineData("photo.jpg", "GIF89a")]
    public async Task AFileWhoseContentIsNotWhatItsNameSaysIsRefused(string fileName, string content)
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        await RefusedAsync(number, Encoding.UTF8.GetBytes(content), fileName);
    }

    [Fact]
    public async Task ABinaryFileNamedAsTextIsRefused()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        await RefusedAsync(number, Png(), "notes.txt");
    }

    [Fact]
    public async Task AnEmptyFileIsRefused()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        await RefusedAsync(number, [], "empty.log");
    }

    [Fact]
    public async Task AnUploadWithoutTheFileFieldIsRefused()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        await (await UploadAsync(_desk.Engineer, number, Png(), "screen.png", field: "attachment")).FieldError("file");

        Assert.Empty(await ListAsync(number));
    }

    [Fact]
    public async Task AnotherReporterCannotListOrDownloadTheAttachment()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);
        var created = await (await UploadAsync(_desk.Alice, number, Png(), "mine.png")).Json(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await _desk.Alice.GetAsync(created.Str("url"))).StatusCode);

        await (await _desk.Bob.GetAsync(created.Str("url"))).Problem(HttpStatusCode.NotFound);
        await (await _desk.Bob.GetAsync($"/api/tickets/{number}/attachments")).Problem(HttpStatusCode.NotFound);
        await (await UploadAsync(_desk.Bob, number, Png(), "bobs.png")).Problem(HttpStatusCode.NotFound);
        Assert.Single(await ListAsync(number));
    }

    [Fact]
    public async Task AnAttachmentIsOnlyReachableThroughItsOwnTicket()
    {
        var first = await _desk.TicketAtAsync(Stage.InProgress);
        var second = await _desk.TicketAtAsync(Stage.InProgress, _desk.Bob);
        var created = await (await UploadAsync(_desk.Engineer, first, Png(), "first.png")).Json(HttpStatusCode.Created);

        await (await _desk.Bob.GetAsync($"/api/tickets/{second}/attachments/{created["id"]}")).Problem(HttpStatusCode.NotFound);
        await (await _desk.Supervisor.GetAsync($"/api/tickets/{second}/attachments/{created["id"]}")).Problem(HttpStatusCode.NotFound);
        await (await _desk.Supervisor.GetAsync($"/api/tickets/{first}/attachments/999999")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnEngineerOfAnotherTeamCannotAttachButCanRead()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);
        var created = await (await UploadAsync(_desk.Engineer, number, Png(), "ok.png")).Json(HttpStatusCode.Created);

        await (await UploadAsync(_desk.OtherEngineer, number, Png(), "other.png")).Problem(HttpStatusCode.Forbidden);

        Assert.Single(await ListAsync(number));
        Assert.Equal(Png(), await (await _desk.OtherEngineer.GetAsync(created.Str("url"))).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheHistoryRecordsTheAttachment()
    {
        var number = await _desk.TicketAtAsync(Stage.Closed);

        await (await UploadAsync(_desk.Engineer, number, Encoding.UTF8.GetBytes("final log"), "final.log")).Json(HttpStatusCode.Created);

        var history = await _desk.HistoryAsync(number);
        var line = history.Last()!;
        Assert.Equal(("attach", "attachment", "final.log", "eng1"),
            (line.Str("action"), line.Str("field"), line.Str("newValue"), line["actor"].Str("login")));
        Assert.True(line["public"]!.GetValue<bool>());
        Assert.Equal("closed", (await _desk.GetTicketAsync(number)).Str("status"));
    }
}

/// <summary>The size limit, on a desk whose limit is set to 1 KiB.</summary>
public sealed class AttachmentSizeLimitTests : IAsyncLifetime
{
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        var app = new SupportFlowApp();
        app.Settings["SupportFlow:Attachments:MaxBytes"] = "1024";
        _desk = await Desk.OpenAsync(app);
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task AFileOverTheLimitIs413AndNothingIsKept()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);
        var before = await _desk.StateAsync(number);

        var response = await AttachmentTests.UploadAsync(_desk.Engineer, number, AttachmentTests.Png(2048), "big.png");

        var problem = await response.FieldError("file", HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1024", problem["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await (await _desk.Engineer.GetAsync($"/api/tickets/{number}/attachments")).JsonArray());
        Assert.Equal(before, await _desk.StateAsync(number));

        // Exactly the limit is fine.
        await (await AttachmentTests.UploadAsync(_desk.Engineer, number, AttachmentTests.Png(1024), "fits.png")).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task TheSizeMessageDoesNotRoundTheLimitAway()
    {
        var number = await _desk.TicketAtAsync(Stage.InProgress);

        var problem = await (await AttachmentTests.UploadAsync(_desk.Engineer, number, AttachmentTests.Png(2048), "big.png"))
            .FieldError("file", HttpStatusCode.RequestEntityTooLarge);

        Assert.DoesNotContain("(0 MiB)", problem["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
