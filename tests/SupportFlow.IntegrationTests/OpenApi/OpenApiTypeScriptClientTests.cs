using System.Diagnostics;
using SupportFlow.IntegrationTests.Users;

namespace SupportFlow.IntegrationTests.OpenApi;

/// <summary>
/// A client generated from /openapi/v1.json by openapi-typescript (npm) compiles a valid report and
/// refuses <c>priority: "P9"</c> at compile time. The tools are installed into a folder of the
/// test run when missing, as other system parts are.
/// </summary>
public sealed class OpenApiTypeScriptClientTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    private static readonly string Tools = Path.Combine(Path.GetTempPath(), "supportflow-tests-tools", "openapi-typescript");

    private const string Valid = """
        import type { components } from "./api";
        type Create = components["schemas"]["CreateTicketRequest"];
        const report: Create = {
          title: "登录时提示验证码错误", description: "Captcha error 50% ?", occurredAt: "2026-05-20T14:30:00+08:00",
          module: "销售模块V3.2", impact: "销售部 cannot order", priority: "P2", channel: "phone",
          reporter: { name: "张伟" },
        };
        export default report;
        """;

    [Fact]
    public async Task AGeneratedClientAcceptsAValidReportAndRejectsPriorityP9()
    {
        await InstallToolsAsync();
        var work = Path.Combine(Path.GetTempPath(), "supportflow-tests", $"ts-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            using var client = fixture.Desk.App.CreateClient();
            await File.WriteAllTextAsync(Path.Combine(work, "openapi.json"), await client.GetStringAsync("/openapi/v1.json"));
            var generated = await RunAsync(Bin("openapi-typescript"), work, "openapi.json", "-o", "api.ts");
            Assert.True(generated.Exit == 0, generated.Output);

            await File.WriteAllTextAsync(Path.Combine(work, "valid.ts"), Valid);
            var valid = await RunAsync(Bin("tsc"), work, "--noEmit", "--strict", "valid.ts");
            Assert.True(valid.Exit == 0, valid.Output);

            await File.WriteAllTextAsync(Path.Combine(work, "invalid.ts"), Valid.Replace("\"P2\"", "\"P9\"", StringComparison.Ordinal));
            var invalid = await RunAsync(Bin("tsc"), work, "--noEmit", "--strict", "invalid.ts");
            Assert.True(invalid.Exit != 0, "priority P9 compiled:\n" + invalid.Output);
            Assert.Contains("P9", invalid.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Bin(string tool) => Path.Combine(Tools, "node_modules", ".bin", tool);

    private static async Task InstallToolsAsync()
    {
        if (File.Exists(Bin("openapi-typescript")) && File.Exists(Bin("tsc")))
        {
            return;
        }

        Directory.CreateDirectory(Tools);
        var installed = await RunAsync("npm", Tools, "install", "--no-audit", "--no-fund", "--prefix", Tools,
            "openapi-typescript@7", "typescript@5");
        Assert.True(installed.Exit == 0, "npm could not install openapi-typescript and typescript:\n" + installed.Output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
