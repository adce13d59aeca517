using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SupportFlow.LoadGen;

/// <summary>One request's outcome: status (0 when no response came), body, and the time it took.</summary>
public sealed record ApiResponse(int Status, string? Error, byte[] Body, TimeSpan Elapsed)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    /// <summary>Status code, or the failure that replaced it ("timeout", "canceled", "HttpRequestException").</summary>
    public string Outcome => Error ?? Status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Describe() =>
        $"{Outcome}: {(Body.Length == 0 ? "(no body)" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 600)))}";
}

/// <summary>
/// The HTTP side: one pooled client, a bearer token per call, JSON bodies. Every call of a
/// measured phase is timed with <see cref="Stopwatch"/> (send to last body byte) and recorded.
/// </summary>
public sealed class Api : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient http;

    public Api(Uri baseAddress, int connections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            // Straight to the loopback address: an http_proxy in the environment must not reroute load.
            UseProxy = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
        };
        http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
    }

    /// <summary>Where the measured calls are recorded; null during setup.</summary>
    public Recorder? Recorder { get; set; }

    public Task<ApiResponse> GetAsync(string operation, string path, string token, CancellationToken ct) =>
        SendAsync(operation, HttpMethod.Get, path, token, null, ct);

    public Task<ApiResponse> PostAsync(string operation, string path, string token, object? body, CancellationToken ct) =>
        SendAsync(operation, HttpMethod.Post, path, token,
            body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json), ct);

    public async Task<ApiResponse> SendAsync(string operation, HttpMethod method, string path, string? token,
        byte[]? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        var start = Stopwatch.GetTimestamp();
        ApiResponse result;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            result = new ApiResponse((int)response.StatusCode, null, body, Stopwatch.GetElapsedTime(start));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            result = new ApiResponse(0, "canceled", [], Stopwatch.GetElapsedTime(start));
        }
        catch (OperationCanceledException)
        {
            result = new ApiResponse(0, "timeout", [], Stopwatch.GetElapsedTime(start));
        }
        catch (HttpRequestException e)
        {
            result = new ApiResponse(0, e.HttpRequestError.ToString(), [], Stopwatch.GetElapsedTime(start));
        }

        Recorder?.Add(operation, result);
        return result;
    }

    public void Dispose() => http.Dispose();
}

/// <summary>Every measured request: operation, outcome and elapsed ticks. A lock is cheap at these rates.</summary>
public sealed class Recorder
{
    private readonly Lock gate = new();
    private readonly List<Sample> samples = new(capacity: 16_384);

    public readonly record struct Sample(string Operation, string Outcome, bool Success, long Ticks);

    public void Add(string operation, ApiResponse response)
    {
        var sample = new Sample(operation, response.Outcome, response.IsSuccess, response.Elapsed.Ticks);
        lock (gate)
        {
            samples.Add(sample);
        }
    }

    public Sample[] Snapshot()
    {
        lock (gate)
        {
            return [.. samples];
        }
    }
}
