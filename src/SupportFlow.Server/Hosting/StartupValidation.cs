using Microsoft.Extensions.Options;
using SupportFlow.Common;
using SupportFlow.Localization;

namespace SupportFlow.Server.Hosting;

/// <summary>
/// Settings the server and the CLI cannot work with, found before anything touches the database:
/// each is one line on stderr and the process ends with a non-zero exit instead of a stack trace
/// half-way through a migration.
/// </summary>
public sealed class StartupValidation : IValidateOptions<SupportFlowOptions>
{
    /// <summary>Checks every option registered with ValidateOnStart; false (after saying why) when one is wrong.</summary>
    public static bool Passed(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                Console.Error.WriteLine(failure);
            }

            return false;
        }
    }

    public ValidateOptionsResult Validate(string? name, SupportFlowOptions options)
    {
        var zone = options.Organization.TimeZone;
        if (string.IsNullOrWhiteSpace(zone))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return ValidateOptionsResult.Fail(new LocalizedMessage(
                "SupportFlow:Organization:TimeZone '{0}' is not a time zone this machine knows: use an IANA id such as Asia/Shanghai.",
                RequestErrors.Shorten(zone)).ToString());
        }
    }
}
