using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SupportFlow.Common;

namespace SupportFlow.Server.Web;

/// <summary>
/// The web UI: Razor Pages rendered on the server, each page in the folder of the feature it
/// serves (Tickets/Pages, Dashboard/Pages, Admin/Pages), with cookie sign-in and antiforgery
/// on every form (Razor Pages checks it on every POST).
/// </summary>
public static class WebSetup
{
    public static IServiceCollection AddSupportFlowWeb(this IServiceCollection services)
    {
        services.AddWebAuthentication();
        // Sign-in cookies and antiforgery tokens are encrypted with keys kept in the data folder:
        // they survive restarts, and several nodes sharing the folder accept each other's cookies.
        services.AddDataProtection().SetApplicationName("SupportFlow");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<SupportFlowOptions>, ILoggerFactory>((o, settings, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(settings.Value.DataPath, "keys")), logs));
        services.AddHttpContextAccessor();
        services.AddLocalization();
        // Chinese pages: write Chinese as characters, not one &#x...; entity each (markup characters are still encoded).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
            System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<UiText>();
        services.AddRazorPages(o =>
        {
            // Pages live beside their feature's API, not under one Pages folder.
            o.RootDirectory = "/";
            o.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());
            o.Conventions.ConfigureFilter(new Errors.AntiforgeryProblemFilter());
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sf-antiforgery";
            o.FormFieldName = "__csrf";
        });
        return services;
    }

    public static void MapSupportFlowWeb(this WebApplication app)
    {
        foreach (var asset in WebAsset.All)
        {
            app.MapGet(asset.Path, asset.Serve).ExcludeFromDescription();
        }

        app.MapRazorPages();
    }
}
