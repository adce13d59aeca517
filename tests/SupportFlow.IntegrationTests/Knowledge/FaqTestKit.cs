using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Knowledge;

public static class FaqTestKit
{
    public const string PrinterJamTitle = "会议室打印机卡纸怎么办";

    public const string PrinterJamBody = """
        ## 现象 / Symptom

        打印机显示“纸张卡住”,但看不到异物。The printer reports a paper jam.

        ## 解决方法 / Solution

        1. 打开后盖,取出卡住的纸张。
        2. Open the rear cover and pull the jammed sheet out slowly.
        """;

    public static async Task<JsonObject> WriteAsync(this HttpClient author, object article) =>
        await (await author.PostAsJsonAsync("/api/faq", article)).Json(HttpStatusCode.Created);

    /// <summary>The printer article, for reporters, on the printer module.</summary>
    public static Task<JsonObject> WritePrinterArticleAsync(this Desk desk) =>
        desk.OtherEngineer.WriteAsync(new
        {
            title = PrinterJamTitle, body = PrinterJamBody, audience = "reporters",
            modules = new[] { Desk.Printer }, tags = new[] { "打印机", "printer" },
        });

    public static async Task<List<int>> IdsAsync(this HttpClient client, string url) =>
        [.. (await (await client.GetAsync(url)).JsonArray()).Select(a => a!["id"]!.GetValue<int>())];
}
