namespace SupportFlow.Server.Cli;

/// <summary>
/// Which command-line words are configuration overrides for ASP.NET Core's command-line provider
/// (<c>--Key=value</c>, <c>--Key value</c>, <c>/Key=value</c>): a key whose first segment is a
/// setting the server or its host reads. Anything else is a mistake to refuse, not a key to ignore:
/// a mistyped verb or option would otherwise start a second server on the same database.
/// </summary>
public static class ConfigurationArguments
{
    /// <summary>The sections and host settings the executable reads (ASP.NET Core's <c>WebHostDefaults</c> and our appsettings.json).</summary>
    private static readonly HashSet<string> KnownRoots = new(StringComparer.OrdinalIgnoreCase)
    {
        "SupportFlow", "ConnectionStrings", "Logging", "Kestrel", "AllowedHosts",
        "urls", "http_ports", "https_ports", "environment", "contentRoot", "applicationName", "webroot",
        "detailedErrors", "captureStartupErrors", "shutdownTimeoutSeconds", "suppressStatusMessages", "preferHostingUrls",
        "hostingStartupAssemblies", "hostingStartupExcludeAssemblies", "preventHostingStartup", "startupAssembly",
    };

    /// <summary>True when every word is part of a configuration override (also when there are none).</summary>
    public static bool AreOnlyOverrides(IReadOnlyList<string> words) => FirstStray(words) is null;

    /// <summary>The first word that is not part of a configuration override, or null.</summary>
    public static string? FirstStray(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var body = word.StartsWith("--", StringComparison.Ordinal) ? word[2..]
                : word.StartsWith('/') ? word[1..]
                : null;
            var equals = body?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            var key = equals >= 0 ? body![..equals] : body;
            if (key is null || !KnownRoots.Contains(key.Split([":", "__"], StringSplitOptions.None)[0]))
            {
                return word;
            }

            if (equals < 0 && ++i >= words.Count)
            {
                return word; // "--urls" with nothing after it: the provider would drop it silently
            }
        }

        return null;
    }
}
